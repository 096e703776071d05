// Remembers where each part of an adapted (format v1) document came from in the original
// file, so that errors found while validating the v1 document point at what the user wrote.
import type { AdapterDiagnostic, AdapterOutput, DocPath } from './types';

export interface OriginMap {
  /** Records that `v1Path` (and everything under it, unless linked more precisely) came from `originalPath`. */
  link: (v1Path: DocPath, originalPath: DocPath) => void;
  /** The original path of the longest linked prefix of `v1Path`; the document itself if none. */
  resolve: (v1Path: DocPath) => DocPath;
}

const keyOf = (path: DocPath): string => JSON.stringify(path);

export function createOriginMap(): OriginMap {
  const links = new Map<string, DocPath>();
  return {
    link: (v1Path, originalPath) => {
      links.set(keyOf(v1Path), originalPath);
    },
    resolve: (v1Path) => {
      for (let length = v1Path.length; length >= 0; length -= 1) {
        const found = links.get(keyOf(v1Path.slice(0, length)));
        if (found !== undefined) return found;
      }
      return [];
    },
  };
}

export type Report = (path: DocPath, message: string) => void;

/** What every adapter starts from: an empty v1 document (UTC), its origins and its problems. */
export function startAdaptation() {
  const diagnostics: AdapterDiagnostic[] = [];
  const error: Report = (path, message) => diagnostics.push({ path, message, severity: 'error' });
  const warning: Report = (path, message) => diagnostics.push({ path, message, severity: 'warning' });
  const origins = createOriginMap();
  const document: Record<string, unknown> = { version: 1, zone: 'UTC' };
  const output = (): AdapterOutput => ({ document, origin: origins.resolve, diagnostics });
  return { diagnostics, error, warning, origins, document, output };
}
