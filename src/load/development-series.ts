// The OpenStack series in development, read from releases `data/series_status.yaml` (a list
// of {name, status, …}, newest first). Only `name` and `status` matter here; the whole file is
// read as a schedule by its own adapter.
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';

/** The first series whose status is `development`, or null when the text names none. */
export function developmentSeries(text: string): string | null {
  let value: unknown;
  try {
    value = loadYaml(text, { schema: CORE_SCHEMA });
  } catch {
    return null;
  }
  if (!Array.isArray(value)) return null;
  for (const entry of value) {
    if (entry === null || typeof entry !== 'object') continue;
    const { name, status } = entry as Record<string, unknown>;
    // A series name becomes a path segment of a URL: only a plain word is taken.
    if (status === 'development' && typeof name === 'string' && /^[a-z0-9][a-z0-9._-]*$/i.test(name)) return name;
  }
  return null;
}
