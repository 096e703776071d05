// One source as the configuration and the command line give it: a path, URL, `-` or `@preset`,
// or an entry with per-source options (cli.md, the `sources` key).

/** What a `sources` entry may be in the configuration. */
export type SourceEntry = string | SourceEntryObject;

export interface SourceEntryObject {
  source: string;
  /** For items that name no project (calendar events). */
  project?: string;
  /** For floating times (iCalendar times without a zone). */
  zone?: string;
  /** The label shown for the source. */
  name?: string;
}

/** A source ready to load: presets expanded, options explicit. */
export interface SourceSpec {
  /** A path, URL or `-`, as given (or as the preset lists it). */
  source: string;
  project: string | null;
  zone: string | null;
  name: string | null;
  /** The preset it came from: its sources are resolved against each other ({development-series}). */
  preset: string | null;
}

export function specOf(entry: SourceEntry | SourceSpec, preset: string | null = null): SourceSpec {
  if (typeof entry === 'string') return { source: entry, project: null, zone: null, name: null, preset };
  return {
    source: entry.source,
    project: entry.project ?? null,
    zone: entry.zone ?? null,
    name: entry.name ?? null,
    preset: 'preset' in entry ? entry.preset : preset,
  };
}

export function sourceOfEntry(entry: SourceEntry): string {
  return typeof entry === 'string' ? entry : entry.source;
}

export function isPresetReference(source: string): boolean {
  return source.startsWith('@');
}
