import type { Diagnostic, SourceReport } from '../model/types';
import type { DocumentItems } from './normalize';

/** What one source (file, folder, feed, stdin) gave: its report, its documents, its problems. */
export interface SourceOutcome {
  report: SourceReport;
  documents: DocumentItems[];
  diagnostics: Diagnostic[];
  /** False when reading it looked at other files (schedule.rst beside schedule.yaml). */
  cacheable?: boolean;
  /** For a remote source read with files beside it: the version of each one's cached copy (name → stamp). */
  siblingStamps?: Record<string, string>;
  /** The display zone its floating calendar times were read in: a cached copy serves only that zone. */
  displayZone?: string;
}
