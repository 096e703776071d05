import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileErrorWords } from '../../src/files/error-words';
import { writeFileAtomically } from '../../src/files/write-atomically';

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'radar-files-'));
});
afterEach(() => {
  chmodSync(folder, 0o700);
  rmSync(folder, { recursive: true, force: true });
});

describe('writeFileAtomically: a reader sees the old file or the new one, never half', () => {
  it('replaces the file and leaves nothing else beside it', () => {
    const target = join(folder, 'calendar.ics');
    writeFileSync(target, 'old');
    writeFileAtomically(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(folder)).toEqual(['calendar.ics']);
  });

  it('throws when it cannot write, and leaves the old file and no temporary file', () => {
    const target = join(folder, 'taken');
    mkdirSync(target);
    expect(() => writeFileAtomically(target, 'text')).toThrow();
    expect(readdirSync(folder)).toEqual(['taken']);
  });
});

describe('fileErrorWords: what went wrong, for people', () => {
  const failure = (run: () => void): unknown => {
    try {
      run();
    } catch (error) {
      return error;
    }
    throw new Error('expected a failure');
  };

  it('names a missing file, a folder, and a refused permission in words', () => {
    expect(fileErrorWords(failure(() => readFileSync(join(folder, 'nothing'))))).toBe('no such file or folder');
    expect(fileErrorWords(failure(() => readFileSync(folder)))).toBe('is a folder');
    if (process.getuid?.() !== 0) {
      chmodSync(folder, 0o000);
      expect(fileErrorWords(failure(() => readdirSync(folder)))).toBe('permission denied');
    }
  });

  it('lets the caller say it more precisely, and keeps unknown errors as they are', () => {
    const missingFolder = failure(() => writeFileSync(join(folder, 'no', 'x.ics'), ''));
    expect(fileErrorWords(missingFolder, { ENOENT: 'no such folder' })).toBe('no such folder');
    expect(fileErrorWords(new Error('disk on fire'))).toBe('disk on fire');
  });
});
