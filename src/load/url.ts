// Which sources are URLs, and which URLs radar may fetch. Apart from the network code, so that
// checking a configured source does not load it.
/** A source with a scheme (https://, http://, file://…) is a URL; anything else is a path or -. */
export function isRemote(source: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(source);
}

function isLoopbackHost(hostname: string): boolean {
  // WHATWG URL parsing already normalised numeric forms (2130706433, 0x7f.1) to dotted quads.
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** `webcal://` is the calendar clients' name for a calendar served over https. */
export function fetchableUrl(url: string): string {
  return /^webcals?:\/\//i.test(url) ? url.replace(/^webcals?:/i, 'https:') : url;
}

/** Null when `url` may be fetched; otherwise the message saying why not. */
export function checkRemoteUrl(url: string): string | null {
  // The message never repeats the URL: every caller shows it before the message already.
  let parsed: URL;
  try {
    parsed = new URL(fetchableUrl(url));
  } catch {
    return 'not a valid URL';
  }
  if (parsed.username || parsed.password) {
    return 'user names and passwords in feed URLs are not supported';
  }
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol === 'http:') {
    if (isLoopbackHost(parsed.hostname)) return null;
    return 'plain http is only allowed on loopback (127.0.0.0/8, ::1, localhost); use https://';
  }
  return 'only https:// (or webcal://) sources are supported';
}
