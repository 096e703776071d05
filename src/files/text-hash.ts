// A fast, non-cryptographic digest of a text (cyrb53 run with two seeds: about 106 bits), for
// cache file names and for noticing a cache entry that was cut short or edited. Nothing here
// guards against an attacker, who could as well edit the cache entry's digest; what it saves is
// loading node:crypto, about 4 ms of every `radar next` in a status bar.
function cyrb53(text: string, seed: number): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/** 28 hex digits that change whenever the text does (with overwhelming likelihood). */
export function textDigest(text: string): string {
  return cyrb53(text, 0x9e3779b9) + cyrb53(text, 0x85ebca6b);
}

/** A name no other writer is using at this moment: the process, and a counter within it. */
let written = 0;
export function uniqueSuffix(): string {
  written += 1;
  return `${process.pid.toString(36)}-${written.toString(36)}-${Math.floor(Math.random() * 2 ** 32).toString(36)}`;
}
