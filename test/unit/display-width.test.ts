import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { displayWidth, padToWidth, toSingleLine, truncateToWidth } from '../../src/text/display-width';

const ROOT = resolve(import.meta.dirname, '../..');

describe('displayWidth counts terminal columns, not characters', () => {
  it('a plain ASCII title takes one column per letter', () => {
    expect(displayWidth('Nova PTG')).toBe(8);
    expect(displayWidth('')).toBe(0);
  });

  it('CJK project names take two columns per character', () => {
    expect(displayWidth('新星')).toBe(4);
    expect(displayWidth('ノヴァ会議')).toBe(10);
  });

  it('an emoji takes two columns, however many code units it is made of', () => {
    expect(displayWidth('🚀 launch')).toBe(9);
    expect(displayWidth('👩‍💻')).toBe(2);
  });

  it('a combining accent adds no column', () => {
    expect(displayWidth('Cafe\u0301')).toBe(4);
  });
});

describe('truncateToWidth', () => {
  it('leaves a title that fits alone', () => {
    expect(truncateToWidth('Nova', 4)).toBe('Nova');
    expect(truncateToWidth('新星', 4)).toBe('新星');
  });

  it('cuts a long title and ends it with an ellipsis within the width', () => {
    expect(truncateToWidth('Feature freeze', 8)).toBe('Feature…');
    expect(displayWidth(truncateToWidth('Feature freeze', 8))).toBe(8);
  });

  it('drops a wide character that would straddle the limit instead of splitting it', () => {
    // 新星会議 is 8 columns; in 6 columns only 新星 (4) + … (1) fit, the 会 would need 2 more.
    expect(truncateToWidth('新星会議', 6)).toBe('新星…');
    expect(truncateToWidth('新星会議', 5)).toBe('新星…');
    expect(truncateToWidth('新星会議', 4)).toBe('新…');
  });

  it('never splits an emoji or a letter from its accent', () => {
    expect(truncateToWidth('🚀🚀🚀', 4)).toBe('🚀…');
    expect(truncateToWidth('👩‍💻 review', 3)).toBe('👩‍💻…');
    expect(truncateToWidth('Cafe\u0301 meeting', 5)).toBe('Cafe\u0301…');
  });

  it('gives just the ellipsis in one column and nothing in zero or fewer', () => {
    expect(truncateToWidth('Nova', 1)).toBe('…');
    expect(truncateToWidth('新星', 1)).toBe('…');
    expect(truncateToWidth('Nova', 0)).toBe('');
    expect(truncateToWidth('Nova', -3)).toBe('');
  });
});

describe('padToWidth', () => {
  it('pads short text to exactly the width, on the right or on the left', () => {
    expect(padToWidth('R-3', 6)).toBe('R-3   ');
    expect(padToWidth('R-3', 6, 'right')).toBe('   R-3');
  });

  it('pads CJK by columns so the next column starts in the same place', () => {
    expect(padToWidth('新星', 6)).toBe('新星  ');
    expect(displayWidth(padToWidth('新星', 6))).toBe(6);
  });

  it('fills the column left by a dropped wide character with a space', () => {
    expect(padToWidth('新星会議', 6)).toBe('新星… ');
    expect(displayWidth(padToWidth('新星会議', 6))).toBe(6);
  });

  it('is always exactly the width for any text', () => {
    for (const text of ['', 'x', 'Feature freeze', '🚀 launch', 'ノヴァ会議', 'Cafe\u0301']) {
      for (let width = 1; width <= 12; width += 1) {
        expect(displayWidth(padToWidth(text, width))).toBe(width);
        expect(displayWidth(padToWidth(text, width, 'right'))).toBe(width);
      }
    }
  });
});

describe('toSingleLine', () => {
  it('turns newlines, tabs and escape characters into spaces so a cell stays one line', () => {
    expect(toSingleLine('Nova\nPTG')).toBe('Nova PTG');
    expect(toSingleLine('a\r\nb\tc')).toBe('a b c');
    expect(toSingleLine('\u001b[2Jwiped')).toBe(' [2Jwiped');
    expect(toSingleLine('新星')).toBe('新星');
  });
});

/** Every installed copy of string-width: Ink measures with one, wrap-ansi (through Ink) may bring its own. */
function stringWidthCopies(folder = join(ROOT, 'node_modules')): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder).flatMap((name) => {
    const packageFolder = join(folder, name);
    if (name.startsWith('@')) return stringWidthCopies(packageFolder);
    const own = name === 'string-width' ? [packageFolder] : [];
    return [...own, ...stringWidthCopies(join(packageFolder, 'node_modules'))];
  });
}

/** The fast path patches/string-width+*.patch adds: the characters it returns one column for. */
function narrowTextPattern(copy: string): RegExp {
  const source = readFileSync(join(copy, 'index.js'), 'utf8');
  const found = /if \(ambiguousIsNarrow && \/(\^\[[^\]]*\]\*\$)\/\.test\(string\)\)/.exec(source);
  if (found === null) throw new Error(`${copy} has no narrow-text fast path: is patches/string-width+*.patch applied to it?`);
  return new RegExp(found[1]!);
}

describe('the narrow-text fast path patched into string-width', () => {
  const copies = stringWidthCopies();

  it('is found in the string-width Ink uses', () => {
    expect(copies).toContain(join(ROOT, 'node_modules', 'string-width'));
  });

  describe.each(copies.map((copy) => [relative(ROOT, copy), copy]))('%s', (_name, copy) => {
    it('covers only characters its own width table counts as one column', async () => {
      const { default: copyWidth } = (await import(pathToFileURL(join(copy, 'index.js')).href)) as { default: (text: string) => number };
      const narrow = narrowTextPattern(copy);
      let checked = 0;
      for (let code = 0x20; code <= 0x2fff; code += 1) {
        const character = String.fromCodePoint(code);
        if (!narrow.test(character)) continue;
        // Beside a wide character the fast path does not apply: this is the table speaking.
        expect(copyWidth(`新${character}`), `U+${code.toString(16)}`).toBe(3);
        expect(copyWidth(character), `U+${code.toString(16)}`).toBe(1);
        checked += 1;
      }
      expect(checked).toBeGreaterThan(300);
    });

    it('draws the dashboard marks ⚠ ✖ ☾ and the arrows in one column each', async () => {
      const { default: copyWidth } = (await import(pathToFileURL(join(copy, 'index.js')).href)) as { default: (text: string) => number };
      for (const mark of ['⚠', '✖', '☾', '↔', '↕', '↖', '↗', '↘', '↙', '↩', '↪']) expect(copyWidth(`新星 ${mark}`), mark).toBe(6);
      expect(narrowTextPattern(copy).test('╭─ Meetings 2/7 ── ☾ Thu 13 Aug 22:00 BST … –')).toBe(true);
      expect(narrowTextPattern(copy).test('新星')).toBe(false);
      expect(narrowTextPattern(copy).test('⚠️')).toBe(false);
      expect(copyWidth('⚠️')).toBe(2);
    });
  });
});
