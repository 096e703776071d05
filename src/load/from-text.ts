// One text → a source outcome: parse, clean, adapt, validate, normalize. Loaded lazily: it
// brings the YAML parser, zod and the adapters, which a cached load never needs.
import { dirname, join } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../model/types';
import { readCalendar } from './adapters/icalendar';
import { isCalendarText } from './adapters/icalendar-text';
import { normalizeDocument, type DocumentItems } from './normalize';
import { formatPath, parseText, textKind, type ParseProblem, type TextKind } from './parse';
import { readTextFile } from '../files/read-regular-file';
import { cleanDeep, cleanText } from './sanitize';
import type { SourceOutcome } from './source-outcome';

export interface FromTextOptions {
  /**
   * Reads a file beside the source (schedule.rst beside schedule.yaml), null when absent.
   * Default: beside `filePath` on disk. Remote sources pass what they fetched.
   */
  readSibling?: (name: string) => string | null;
  /** The source's `project` and `zone` options (configuration), for the adapters. */
  project?: string | null;
  zone?: string | null;
  /** The display zone: floating calendar times with no zone of their own are read in it. */
  displayZone?: string;
}

/**
 * Parses and normalizes one text (load-sources imports it lazily; the fuzz tests directly).
 * `kind` null: chosen from the file name, or for stdin from the first character.
 * `filePath`: the file on disk, or a URL's path (adapters name things after files and folders).
 */
export function fromText(source: string, name: string, text: string, kind: TextKind | null, filePath: string | null, options: FromTextOptions = {}): SourceOutcome {
  // The content decides, whatever the name, URL or Content-Type said.
  if (isCalendarText(text)) return fromCalendarText(source, name, text, options);
  const parsed = parseText(text, kind ?? textKind(filePath ?? '', text));
  const located = (problem: ParseProblem, severity: Diagnostic['severity']): Diagnostic =>
    terminalSafe({
      source: name,
      line: problem.line,
      column: problem.column,
      path: problem.path === null ? null : formatPath(problem.path),
      message: problem.message,
      severity,
    });
  if (!parsed.ok) {
    const diagnostics = parsed.errors.map((problem) => located(problem, 'error'));
    return {
      report: { source, status: 'failed', fetchedAt: null, errors: diagnostics.map(formatDiagnostic), warnings: [], detail: null },
      documents: [],
      diagnostics,
    };
  }
  let readOtherFiles = false;
  const readBesideOnDisk = (sibling: string): string | null => {
    if (filePath === null) return null;
    const read = readTextFile(join(dirname(filePath), sibling));
    return read.ok ? read.text : null;
  };
  const readSibling = options.readSibling ?? readBesideOnDisk;
  const result = normalizeDocument({
    value: cleanDeep(parsed.value),
    source: name,
    locate: parsed.locate,
    filePath,
    project: options.project ?? null,
    zone: options.zone ?? null,
    readSibling: (sibling) => {
      readOtherFiles = true;
      // A file beside a remote source comes from the same server: cleaned like the source.
      const text = readSibling(sibling);
      return text === null ? null : cleanText(text, true);
    },
  });
  const diagnostics = [...parsed.warnings.map((problem) => located(problem, 'warning')), ...result.diagnostics.map(terminalSafe)];
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  return {
    report: {
      source,
      status: result.items === null ? 'failed' : 'loaded',
      fetchedAt: null,
      errors: errors.map(formatDiagnostic),
      warnings: diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').map(formatDiagnostic),
      detail: null,
    },
    documents: result.items === null ? [] : [result.items],
    diagnostics,
    cacheable: !readOtherFiles,
  };
}

function fromCalendarText(source: string, name: string, text: string, options: FromTextOptions): SourceOutcome {
  const { items: read, diagnostics, usedDisplayZone } = readCalendar(text, name, options, cleanText);
  const items: DocumentItems = { ...read, roles: [], projects: [], cycles: [], priorities: [], written: { projects: {}, roles: {} } };
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  return {
    report: {
      source,
      status: errors.length > 0 ? 'failed' : 'loaded',
      fetchedAt: null,
      errors: errors.map(formatDiagnostic),
      warnings: diagnostics.filter((diagnostic) => diagnostic.severity === 'warning').map(formatDiagnostic),
      detail: null,
    },
    documents: errors.length > 0 ? [] : [items],
    diagnostics,
    // Floating times read in the display zone change with --tz: the cached copy says which.
    ...(usedDisplayZone && options.displayZone !== undefined ? { displayZone: options.displayZone } : {}),
  };
}

/**
 * Every part of a diagnostic may quote the user's bytes (a file name, a key, what a parser
 * found): they reach terminals and --json, so they carry no escape, control or bidi character.
 */
export function terminalSafe(diagnostic: Diagnostic): Diagnostic {
  return {
    ...diagnostic,
    source: cleanText(diagnostic.source),
    path: diagnostic.path === null ? null : cleanText(diagnostic.path),
    message: cleanText(diagnostic.message),
  };
}
