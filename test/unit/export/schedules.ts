// Loads schedules the way radar does (files, folders, several sources merged), and computes the
// items `radar list … --json` would print for them, for the export tests.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadSources, type LoadResult } from '../../../src/load/load-sources';
import type { Schedule } from '../../../src/model/types';
import { NO_FILTER, type ViewFilter } from '../../../src/views/filters';
import { liaisonGaps } from '../../../src/views/gaps';
import { gapJson, meetingJson, milestoneJson, priorityJson } from '../../../src/views/json-items';
import { upcomingOccurrences } from '../../../src/views/meetings';
import { milestonesInView } from '../../../src/views/milestones';
import { prioritiesInView } from '../../../src/views/priorities';
import { tempFolder } from '../../helpers/temp';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const LIBERTY = join(ROOT, 'data/liberty-2015.yaml');
export const INDRI = join(ROOT, 'data/openstack-2027.1.yaml');
export const IRC_MEETINGS = join(ROOT, 'test/fixtures/irc-meetings/meetings');

/** Tuesday 11 August 2015, 21:44:57 UTC: the evening of the Product WG / Nova thread. */
export const THREAD_NOW = Date.UTC(2015, 7, 11, 21, 44, 57);

const folder = tempFolder('radar-export-');

/** Writes a file under a fresh temporary folder and returns its path. */
export function scratchFile(name: string, text: string): string {
  const path = join(folder, name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return path;
}

export async function load(...sources: string[]): Promise<LoadResult> {
  return loadSources(sources, { offline: true, cacheDir: join(folder, 'cache'), now: () => 0, readStdin: async () => '' });
}

export async function loadSchedule(...sources: string[]): Promise<Schedule> {
  const loaded = await load(...sources);
  const errors = loaded.reports.flatMap((report) => report.errors);
  if (errors.length > 0) throw new Error(`test schedule does not load: ${errors.join('; ')}`);
  return loaded.schedule;
}

/** What `radar list meetings|milestones|priorities|gaps --json --all --days <days>` lists. */
export function listedItems(schedule: Schedule, now: number, days: number, filter: ViewFilter = NO_FILTER) {
  return {
    meetings: upcomingOccurrences(schedule, now, days, filter).map((occurrence) => meetingJson(occurrence, 'UTC')),
    milestones: milestonesInView(schedule, { now, days, all: true, filter }).map((row) => milestoneJson(row, now)),
    priorities: prioritiesInView(schedule, true, filter).map(priorityJson),
    gaps: liaisonGaps(schedule, filter).map(gapJson),
  };
}
