// What the command line asks for, as every layer below the argument parser sees it.

export interface Options {
  sources: string[];
  projects: string[];
  tz: string | null;
  now: string | null;
  days: number | null;
  all: boolean;
  json: boolean;
  color: boolean;
  offline: boolean;
  once: boolean;
  output: string | null;
  help: boolean;
  version: boolean;
  /** `next`: the line to print, with {fields}. */
  format: string | null;
  /** `watch`: run with `sh -c` for each reminder. */
  exec: string | null;
  /** `watch`: desktop notifications. */
  notify: boolean;
}

export const LIST_WHATS = ['milestones', 'meetings', 'priorities', 'gaps', 'projects'] as const;
export type ListWhat = (typeof LIST_WHATS)[number];

/** The days in view when --days is not given (cli.md). */
export const DEFAULT_DAYS = { meetings: 14, milestones: 180 } as const;
