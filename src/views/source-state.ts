// How each source is doing, in words: the header's "feed: 3 min old", "offline, cached 2 days ago".
import type { SourceReport } from '../model/types';

export function ageText(milliseconds: number): string {
  const minutes = Math.floor(milliseconds / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
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
    const age = report.fetchedAt === null ? 'cached' : `cached ${ageText(now - report.fetchedAt)} ago`;
    return `${label}: ${report.detail === 'offline' ? 'offline, ' : report.detail ? `${report.detail}, ` : ''}${age}`;
  }
  if (report.fetchedAt !== null) {
    const age = ageText(now - report.fetchedAt);
    return `${label}: ${age === 'just now' ? 'fetched just now' : `${age} old`}${problems}`;
  }
  return `${label}: loaded${problems}`;
}
