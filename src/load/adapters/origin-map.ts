// Remembers where each part of an adapted (format v1) document came from in the original
// file, so that errors found while validating the v1 document point at what the user wrote.
import type { DocPath } from './types';

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
