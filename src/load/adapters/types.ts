// The contract between the loader and the adapters that read files communities already keep
// (irc-meetings, releases schedule.yaml, governance projects.yaml, other communities' release
// data) into format v1.

/** A path into a parsed document: mapping keys and list indexes. */
export type DocPath = readonly (string | number)[];

export interface AdapterInput {
  /** The parsed content (plain JS values, as yaml's toJS gives them). */
  value: unknown;
  /**
   * The file path on disk, or the path of a URL (`/doc/source/indri/schedule.yaml`), or null
   * for stdin: some adapters name things after files and folders.
   */
  filePath: string | null;
  /** Reads a file next to the source (e.g. schedule.rst beside schedule.yaml); null if absent. */
  readSibling: (name: string) => string | null;
  /** The source's `project` option (configuration): the project of items that name none. */
  project: string | null;
  /** The source's `zone` option (configuration): the zone of floating times. */
  zone: string | null;
}

export interface AdapterDiagnostic {
  /** Where in the ORIGINAL file the problem is. */
  path: DocPath;
  message: string;
  severity: 'error' | 'warning';
}

export interface AdapterOutput {
  /** A format v1 document (plain object with the spec's keys), validated afterwards by the loader. */
  document: Record<string, unknown>;
  /**
   * Maps a path in `document` back to the path in the original file, so that errors found
   * while validating the v1 document point into the file the user wrote. Return the closest
   * original path you know (a prefix is fine).
   */
  origin: (v1Path: DocPath) => DocPath;
  diagnostics: AdapterDiagnostic[];
}

export interface Adapter {
  /** Short name shown in messages, e.g. 'irc-meetings'. */
  name: string;
  /** Recognises the shape of the content (format.md, "Other formats read as they are"). */
  matches: (value: unknown) => boolean;
  adapt: (input: AdapterInput) => AdapterOutput;
}
