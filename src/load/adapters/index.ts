// The formats read as they are (format.md, "Other formats read as they are"), chosen by the
// shape of the content. Their shapes exclude each other and a format v1 document.
import { governanceProjectsAdapter } from './governance-projects';
import { ircMeetingsAdapter } from './irc-meetings';
import { kubernetesScheduleAdapter } from './kubernetes-schedule';
import { nodeScheduleAdapter } from './nodejs-schedule';
import { pythonReleaseCycleAdapter } from './python-release-cycle';
import { pythonReleasesAdapter } from './python-releases';
import { releasesScheduleAdapter } from './releases-schedule';
import { seriesStatusAdapter } from './series-status';
import type { Adapter } from './types';

export const adapters: Adapter[] = [
  ircMeetingsAdapter,
  releasesScheduleAdapter,
  governanceProjectsAdapter,
  seriesStatusAdapter,
  nodeScheduleAdapter,
  pythonReleaseCycleAdapter,
  pythonReleasesAdapter,
  kubernetesScheduleAdapter,
];

/** The adapter whose shape the parsed content has, or null for a format v1 document (or anything else). */
export function findAdapter(value: unknown): Adapter | null {
  return adapters.find((adapter) => adapter.matches(value)) ?? null;
}

export type { Adapter, AdapterDiagnostic, AdapterInput, AdapterOutput, DocPath } from './types';
