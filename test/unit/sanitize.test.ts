import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanDeep, cleanText } from '../../src/load/sanitize';

const ESC = '\u001b';
const BEL = '\u0007';
/** Everything that must never reach the terminal from a feed. */
const FORBIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('cleanText: a feed cannot drive the terminal', () => {
  it('a meeting title that tries to retitle the terminal keeps only its words', () => {
    expect(cleanText(`Nova team meeting${ESC}]0;you have been pwned${BEL}`)).toBe('Nova team meeting');
    expect(cleanText(`Nova${ESC}]2;title${ESC}\\ meeting`)).toBe('Nova meeting');
  });

  it('colour, cursor and screen-clearing sequences are removed with their parameters', () => {
    expect(cleanText(`${ESC}[31mred${ESC}[0m ${ESC}[2J${ESC}[H${ESC}[?1049hcleared`)).toBe('red cleared');
    expect(cleanText(`a${ESC}[38;2;255;0;0mb`)).toBe('ab');
  });

  it('device control, privacy and application strings disappear whole', () => {
    expect(cleanText(`x${ESC}P1$qm${ESC}\\y`)).toBe('xy');
    expect(cleanText(`x${ESC}_payload${ESC}\\y${ESC}^pm${ESC}\\z${ESC}Xsos${ESC}\\!`)).toBe('xyz!');
  });

  it('two-character escapes such as a full terminal reset are removed', () => {
    expect(cleanText(`before${ESC}cafter`)).toBe('beforeafter');
    expect(cleanText(`a${ESC}7b${ESC}8c${ESC}(Bd${ESC}#8e`)).toBe('abcde');
  });

  it('8-bit C1 forms of CSI, OSC and DCS are removed whole too', () => {
    expect(cleanText('red\u009b31mtext')).toBe('redtext');
    expect(cleanText('a\u009d0;title\u0007b')).toBe('ab');
    expect(cleanText('a\u00901$q\u009cb')).toBe('ab');
  });

  it('an unterminated title sequence swallows the rest, as the terminal would', () => {
    expect(cleanText(`Keystone${ESC}]0;never closed`)).toBe('Keystone');
  });

  it('the bell, backspaces and DEL are dropped', () => {
    expect(cleanText(`ding${BEL}${BEL} a\b\bb\u007f`)).toBe('ding ab');
  });

  it('newlines and tabs survive in notes but become spaces in titles', () => {
    expect(cleanText('line one\nline\ttwo\r\nthree', true)).toBe('line one\nline\ttwo\nthree');
    expect(cleanText('Release\nteam\tmeeting')).toBe('Release team meeting');
  });

  it('bidi overrides that could disguise a title are dropped', () => {
    expect(cleanText('abc\u202edcb\u202c and \u2066iso\u2069')).toBe('abcdcb and iso');
  });

  it('ordinary text, accents and emoji come back unchanged (and identical)', () => {
    const title = 'Réunion de l’équipe Nova — 会議 🚀';
    expect(cleanText(title)).toBe(title);
  });

  it('whatever the input, the result holds no control character and cleaning twice changes nothing', () => {
    const hostile = fc.string({
      unit: fc.oneof(
        fc.constantFrom(ESC, BEL, '\u009b', '\u009d', '\u0090', '\u009c', '[', ']', 'P', '\\', ';', '0', 'm', '\n', '\t', '\r', '\u202e'),
        fc.string({ minLength: 1, maxLength: 1 }),
        fc.integer({ min: 0, max: 0x2070 }).map((c) => String.fromCharCode(c)),
      ),
    });
    fc.assert(
      fc.property(hostile, fc.boolean(), (s, keepNewlines) => {
        const cleaned = cleanText(s, keepNewlines);
        expect(cleaned).not.toMatch(FORBIDDEN);
        if (!keepNewlines) expect(cleaned).not.toMatch(/[\n\t]/);
        expect(cleanText(cleaned, keepNewlines)).toBe(cleaned);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('cleanDeep: every string of a loaded document', () => {
  it('an escape-sequence feed comes out with no ESC, BEL or CSI anywhere, keys included', () => {
    const feed = {
      meetings: [
        {
          id: `nova${ESC}[2J`,
          title: `Nova${ESC}]0;pwned${BEL}`,
          notes: `Agenda:\n- item${BEL}\n\t- sub`,
          [`where${ESC}[31m`]: '#openstack-meeting\u009b2J',
          tags: ['a\u0007', 'b'],
        },
      ],
      description: `first\nsecond${ESC}c`,
    };
    const cleaned = cleanDeep(feed);
    expect(JSON.stringify(cleaned)).not.toMatch(/\\u001b|\\u0007|\\u009b|\u001b|\u0007|\u009b/);
    expect(cleaned).toEqual({
      meetings: [
        {
          id: 'nova',
          title: 'Nova',
          notes: 'Agenda:\n- item\n\t- sub',
          where: '#openstack-meeting',
          tags: ['a', 'b'],
        },
      ],
      description: 'first\nsecond',
    });
  });

  it('does not change the document it was given', () => {
    const original = { title: `x${BEL}` };
    cleanDeep(original);
    expect(original.title).toBe(`x${BEL}`);
  });

  it('newlines are kept where the caller says prose lives, inside lists too', () => {
    const cleaned = cleanDeep({ summary: 'a\nb', body: ['c\nd'] }, (key) => key === 'body');
    expect(cleaned).toEqual({ summary: 'a b', body: ['c\nd'] });
  });

  it('a "__proto__" key in a feed stays data and does not change the object prototype', () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}, "title": "x"}') as Record<string, unknown>;
    const cleaned = cleanDeep(parsed);
    expect(Object.getPrototypeOf(cleaned)).toBe(Object.prototype);
    expect(Object.keys(cleaned)).toEqual(['__proto__', 'title']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('YAML aliases (shared and circular references) survive without endless recursion', () => {
    const shared = { title: `shared${BEL}` };
    const loop: Record<string, unknown> = { name: 'loop' };
    loop['self'] = loop;
    const cleaned = cleanDeep({ a: shared, b: shared, loop });
    expect(cleaned.a).toBe(cleaned.b);
    expect(cleaned.a.title).toBe('shared');
    expect((cleaned.loop as Record<string, unknown>)['self']).toBe(cleaned.loop);
  });

  it('numbers, booleans, null and dates pass through untouched', () => {
    const date = new Date(0);
    const cleaned = cleanDeep({ n: 1, yes: true, none: null, when: date });
    expect(cleaned).toEqual({ n: 1, yes: true, none: null, when: date });
    expect(cleaned.when).toBe(date);
  });
});
