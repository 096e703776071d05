// What a failed file operation means, in words for people rather than Node's error codes.
const WORDS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a folder',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
};

/**
 * The words for `error`'s code; `precise` overrides them where the caller knows more (writing
 * `-o <file>`, ENOENT can only mean the folder). Unknown codes keep the error's own message.
 */
export function fileErrorWords(error: unknown, precise: Readonly<Record<string, string>> = {}): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    const words = precise[code] ?? WORDS[code];
    if (words !== undefined) return words;
  }
  return error instanceof Error ? error.message : String(error);
}
