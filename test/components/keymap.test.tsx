// The key map is the one table behind the keys, the help and the hints line.
import { describe, expect, it } from 'vitest';
import { helpSections, hintsFor, inkKey, KEYMAP, keysLabel, matchKey, splitKeys } from '../../components/keymap';

const key = inkKey;

describe('matchKey', () => {
  it('the keys of docs/cli.md do what it says in the panes', () => {
    expect(matchKey('panes', '', key({ tab: true }))).toEqual({ type: 'focusCycle', step: 1 });
    expect(matchKey('panes', '', key({ tab: true, shift: true }))).toEqual({ type: 'focusCycle', step: -1 });
    expect(matchKey('panes', '', key({ rightArrow: true }))).toEqual({ type: 'focusCycle', step: 1 });
    expect(matchKey('panes', '', key({ leftArrow: true }))).toEqual({ type: 'focusCycle', step: -1 });
    expect(matchKey('panes', 'l', key())).toEqual({ type: 'focusCycle', step: 1 });
    expect(matchKey('panes', 'h', key())).toEqual({ type: 'focusCycle', step: -1 });
    expect(matchKey('panes', '3', key())).toEqual({ type: 'focusPane', pane: 'priorities' });
    expect(matchKey('panes', 'j', key())).toEqual({ type: 'move', movement: 'down' });
    expect(matchKey('panes', '', key({ upArrow: true }))).toEqual({ type: 'move', movement: 'up' });
    expect(matchKey('panes', 'G', key({ shift: true }))).toEqual({ type: 'move', movement: 'last' });
    expect(matchKey('panes', '', key({ pageDown: true }))).toEqual({ type: 'move', movement: 'pageDown' });
    expect(matchKey('panes', '', key({ return: true }))).toEqual({ type: 'openDetail' });
    expect(matchKey('panes', '/', key())).toEqual({ type: 'startFilter' });
    expect(matchKey('panes', 'p', key())).toEqual({ type: 'openPicker' });
    expect(matchKey('panes', 'a', key())).toEqual({ type: 'toggleAll' });
    expect(matchKey('panes', 's', key())).toEqual({ type: 'openSources' });
    expect(matchKey('panes', 'z', key())).toEqual({ type: 'cycleZone' });
    expect(matchKey('panes', 'r', key())).toEqual({ type: 'reload' });
    expect(matchKey('panes', '?', key())).toEqual({ type: 'toggleHelp' });
    expect(matchKey('panes', 'q', key())).toEqual({ type: 'quit' });
    expect(matchKey('panes', 'c', key({ ctrl: true }))).toEqual({ type: 'quit' });
  });

  it('while typing a filter, letters are text: q types a q, only ctrl+c quits', () => {
    expect(matchKey('filter', 'q', key())).toEqual({ type: 'type' });
    expect(matchKey('filter', 'h', key())).toEqual({ type: 'type' });
    expect(matchKey('filter', 'c', key({ ctrl: true }))).toEqual({ type: 'quit' });
    expect(matchKey('filter', '', key({ escape: true, meta: true }))).toEqual({ type: 'cancelFilter' });
    expect(matchKey('filter', '', key({ delete: true }))).toEqual({ type: 'erase' });
  });

  it('in the picker space ticks instead of typing a space, and arrows move', () => {
    expect(matchKey('picker', ' ', key())).toEqual({ type: 'pickerToggle' });
    expect(matchKey('picker', 'n', key())).toEqual({ type: 'type' });
    expect(matchKey('picker', '', key({ downArrow: true }))).toEqual({ type: 'move', movement: 'down' });
    expect(matchKey('picker', '', key({ return: true }))).toEqual({ type: 'pickerApply' });
  });

  it('control characters are never typed into a filter', () => {
    expect(matchKey('filter', '\u001b[31m', key())).toBeNull();
    expect(matchKey('filter', '\u0007', key())).toBeNull();
  });

  it('keys that mean nothing where they are pressed do nothing', () => {
    expect(matchKey('panes', 'w', key())).toBeNull();
    expect(matchKey('help', 'p', key())).toBeNull();
  });
});

describe('splitKeys: one read, every key', () => {
  it('two backspaces, or backspace and enter, are two keys', () => {
    expect(splitKeys('\u007f\u007f', key())).toEqual([
      { input: '', key: key({ delete: true }) },
      { input: '', key: key({ delete: true }) },
    ]);
    expect(splitKeys('\u007f\r', key())).toEqual([
      { input: '', key: key({ delete: true }) },
      { input: '\r', key: key({ return: true }) },
    ]);
  });

  it('letters typed faster than they are read are one key each; ctrl+c inside a burst still quits', () => {
    expect(splitKeys('jjG', key()).map((press) => press.input)).toEqual(['j', 'j', 'G']);
    expect(splitKeys('a\u0003', key())[1]).toEqual({ input: 'c', key: key({ ctrl: true }) });
  });

  it('a key Ink has already named is left as it is', () => {
    expect(splitKeys('', key({ downArrow: true }))).toEqual([{ input: '', key: key({ downArrow: true }) }]);
    expect(splitKeys('j', key({ meta: true }))).toEqual([{ input: 'j', key: key({ meta: true }) }]);
  });
});

describe('help and hints come from the same table', () => {
  it('every binding is in the help once, with its keys as the table lists them', () => {
    const rows = helpSections().flatMap((section) => section.rows);
    expect(rows).toHaveLength(KEYMAP.length);
    for (const binding of KEYMAP) expect(rows).toContainEqual({ keys: keysLabel(binding), help: binding.help });
  });

  it('labels read like docs/cli.md: tab shift+tab → ← l h, ↓ j ↑ k, 1 2 3 4', () => {
    const labels = KEYMAP.map(keysLabel);
    expect(labels).toContain('tab shift+tab → ← l h');
    expect(labels).toContain('↓ j ↑ k');
    expect(labels).toContain('1 2 3 4');
    expect(labels).toContain('a');
    expect(labels).toContain('s');
    expect(labels).toContain('ctrl+c');
  });

  it('the hints line names a, s, help and quit in the panes, and apply and cancel in the picker', () => {
    expect(hintsFor('panes')).toEqual(
      expect.arrayContaining([
        { keys: 'a', hint: 'all' },
        { keys: 's', hint: 'sources' },
        { keys: '?', hint: 'help' },
        { keys: 'q', hint: 'quit' },
      ]),
    );
    expect(hintsFor('picker')).toEqual(
      expect.arrayContaining([
        { keys: 'enter', hint: 'apply' },
        { keys: 'esc', hint: 'cancel' },
      ]),
    );
  });
});
