// How each source is doing, in words: the header's "feed: 3 min old", "offline, cached 2 days ago".
// Ages are by the real clock (the caller's `now`), never --now: a feed fetched a moment ago is
// not 99 days old because the schedule is being looked at as of another day.
import type { SourceReport } from '../model/types';

export function ageText(milliseconds: number): string {
  const minutes = Math.floor(milliseconds / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

/** '3 min ago', 'just now' (never "just now ago"). */
export function agoText(milliseconds: number): string {
  const age = ageText(milliseconds);
  return age === 'just now' ? age : `${age} ago`;
}

export function sourceLabel(source: string): string {
  if (source === '-') return 'stdin';
  const trimmed = source.replace(/\/+$/, '');
  if (/^https?:\/\//i.test(trimmed)) {
    try {
      const url = new URL(trimmed);
      return `${url.host}${url.pathname === '/' ? '' : url.pathname.replace(/^.*\//, '/')}`;
    } catch {
      return trimmed;
    }
  }
  return trimmed.replace(/^.*\//, '');
}

export function sourceStateText(report: SourceReport, now: number): string {
  const label = report.name ?? sourceLabel(report.source);
  const problems = report.errors.length > 0 ? `, ${report.errors.length} error${report.errors.length === 1 ? '' : 's'}` : '';
  if (report.status === 'failed') return `${label}: failed${problems}`;
  if (report.status === 'cached') {
    const age = report.fetchedAt === null ? 'cached' : `cached ${agoText(now - report.fetchedAt)}`;
    return `${label}: ${report.detail === 'offline' ? 'offline, ' : report.detail ? `${report.detail}, ` : ''}${age}`;
  }
  if (report.fetchedAt !== null) {
    const age = ageText(now - report.fetchedAt);
    return `${label}: ${age === 'just now' ? 'fetched just now' : `${age} old`}${problems}`;
  }
  return `${label}: loaded${problems}`;
}
