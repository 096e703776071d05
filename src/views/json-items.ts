// The JSON shapes of cli.md ("JSON output"): a published contract, field for field.
import { toIsoUtc } from '../time/instant';
import { formatIsoWithOffset } from '../time/zoned';
import type { Priority, SourceReport } from '../model/types';
import type { LiaisonGap } from './gaps';
import type { Occurrence } from './meetings';
import type { MilestoneRow } from './milestones';

export interface SourceJson {
  source: string;
  status: SourceReport['status'];
  fetchedAt: string | null;
  errors: string[];
  warnings: string[];
}

export function sourceJson(report: SourceReport): SourceJson {
  return {
    source: report.source,
    status: report.status,
    fetchedAt: report.fetchedAt === null ? null : toIsoUtc(report.fetchedAt),
    errors: report.errors,
    warnings: report.warnings,
  };
}

export function envelope<K extends string, T>(now: number, zone: string, reports: readonly SourceReport[], key: K, value: T) {
  return { now: toIsoUtc(now), zone, sources: reports.map(sourceJson), [key]: value } as {
    now: string;
    zone: string;
    sources: SourceJson[];
  } & Record<K, T>;
}

export function meetingJson(occurrence: Occurrence, zone: string) {
  return {
    meeting: occurrence.meeting.id,
    title: occurrence.meeting.title,
    project: occurrence.meeting.project,
    start: toIsoUtc(occurrence.start),
    end: toIsoUtc(occurrence.end),
    local: formatIsoWithOffset(occurrence.start, zone),
    where: occurrence.where,
    skipped: occurrence.skipped,
    reason: occurrence.reason,
    warnings: occurrence.warnings,
  };
}

/** Whole seconds from now to `instant`, negative once it has passed. */
export function secondsBetween(now: number, instant: number): number {
  return Math.floor((instant - now) / 1000);
}

export function nextJson(occurrence: Occurrence, zone: string, now: number) {
  return { ...meetingJson(occurrence, zone), secondsUntil: secondsBetween(now, occurrence.start) };
}

export function milestoneJson(row: MilestoneRow, now: number) {
  const { milestone } = row;
  return {
    id: milestone.id,
    title: milestone.title,
    project: milestone.project,
    cycle: milestone.cycle,
    kind: milestone.kind,
    start: toIsoUtc(milestone.start),
    end: toIsoUtc(milestone.end),
    week: row.week,
    secondsUntil: secondsBetween(now, milestone.start),
  };
}

export function priorityJson(priority: Priority) {
  return {
    id: priority.id,
    title: priority.title,
    project: priority.project,
    cycle: priority.cycle,
    status: priority.status,
    owner: priority.owner,
    rank: priority.rank,
    url: priority.url,
  };
}

export function gapJson(gap: LiaisonGap) {
  return { project: gap.project, role: gap.role, roleName: gap.roleName };
}
