// Reads a real file kept under test/fixtures the way the loader does (the same YAML parser,
// duplicate keys allowed) and hands it to an adapter with the files beside it as siblings.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { findAdapter } from '../../../src/load/adapters';
import type { Adapter, AdapterOutput, DocPath } from '../../../src/load/adapters/types';
import { parseText, textKind, type Position } from '../../../src/load/parse';
import { DocumentSchema } from '../../../src/model/schema';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export interface ParsedFixture {
  value: unknown;
  filePath: string;
  locate: (path: DocPath, at?: 'key' | 'value') => Position;
  parserWarnings: { path: DocPath | null; message: string }[];
}

export function readFixture(subPath: string): ParsedFixture {
  const filePath = join(FIXTURES, subPath);
  const text = readFileSync(filePath, 'utf8');
  const parsed = parseText(text, textKind(filePath, text));
  if (!parsed.ok) throw new Error(`fixture ${subPath} does not parse: ${parsed.errors[0]?.message}`);
  return { value: parsed.value, filePath, locate: parsed.locate, parserWarnings: parsed.warnings };
}

export function siblingsOf(filePath: string): (name: string) => string | null {
  return (name) => {
    const sibling = join(dirname(filePath), name);
    return existsSync(sibling) ? readFileSync(sibling, 'utf8') : null;
  };
}

/** The fixture through the adapter its shape selects (which must be `expectedAdapter`). */
export function adaptFixture(subPath: string, expectedAdapter: Adapter): AdapterOutput & ParsedFixture {
  const fixture = readFixture(subPath);
  const adapter = findAdapter(fixture.value);
  expect(adapter?.name, `${subPath} is read by ${expectedAdapter.name}`).toBe(expectedAdapter.name);
  const output = expectedAdapter.adapt({ value: fixture.value, filePath: fixture.filePath, readSibling: siblingsOf(fixture.filePath), project: null, zone: null });
  return { ...fixture, ...output };
}

/** Problems the format v1 validation finds in an adapted document, as original paths. */
export function v1Problems(output: AdapterOutput): { path: DocPath; message: string }[] {
  const parsed = DocumentSchema.safeParse(output.document, { reportInput: true });
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({ path: output.origin(issue.path as DocPath), message: issue.message }));
}

export const errorsOf = (output: AdapterOutput) => output.diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
export const warningsOf = (output: AdapterOutput) => output.diagnostics.filter((diagnostic) => diagnostic.severity === 'warning');

/** Shorthand for the one meeting an irc-meetings file becomes. */
export function onlyMeeting(output: AdapterOutput): Record<string, any> {
  const meetings = output.document.meetings as Record<string, any>[] | undefined;
  expect(meetings).toHaveLength(1);
  return meetings![0]!;
}
