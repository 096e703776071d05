// The key map is the one table behind the keys, the help and the hints line.
import { describe, expect, it } from 'vitest';
import { helpSections, hintsFor, inkKey, KEYMAP, keysLabel, matchKey } from '../../components/keymap';

const key = inkKey;

describe('matchKey', () => {
  it('the keys of the issue do what it says in the panes', () => {
    expect(matchKey('panes', '', key({ tab: true }))).toEqual({ action: 'focusCycle', arg: 1 });
    expect(matchKey('panes', '', key({ tab: true, shift: true }))).toEqual({ action: 'focusCycle', arg: -1 });
    expect(matchKey('panes', '3', key())).toEqual({ action: 'focusPane', arg: 2 });
    expect(matchKey('panes', 'j', key())).toEqual({ action: 'move', arg: 'moveDown' });
    expect(matchKey('panes', '', key({ upArrow: true }))).toEqual({ action: 'move', arg: 'moveUp' });
    expect(matchKey('panes', 'G', key({ shift: true }))).toEqual({ action: 'move', arg: 'last' });
    expect(matchKey('panes', '', key({ pageDown: true }))).toEqual({ action: 'move', arg: 'pageDown' });
    expect(matchKey('panes', '', key({ return: true }))).toEqual({ action: 'openDetail' });
    expect(matchKey('panes', '/', key())).toEqual({ action: 'startFilter' });
    expect(matchKey('panes', 'p', key())).toEqual({ action: 'openPicker' });
    expect(matchKey('panes', 'z', key())).toEqual({ action: 'cycleZone' });
    expect(matchKey('panes', 'r', key())).toEqual({ action: 'reload' });
    expect(matchKey('panes', '?', key())).toEqual({ action: 'toggleHelp' });
    expect(matchKey('panes', 'q', key())).toEqual({ action: 'quit' });
    expect(matchKey('panes', 'c', key({ ctrl: true }))).toEqual({ action: 'quit' });
  });

  it('while typing a filter, letters are text: q types a q, only ctrl+c quits', () => {
    expect(matchKey('filter', 'q', key())).toEqual({ action: 'type' });
    expect(matchKey('filter', 'j', key())).toEqual({ action: 'type' });
    expect(matchKey('filter', 'Product WG', key())).toEqual({ action: 'type' });
    expect(matchKey('filter', 'c', key({ ctrl: true }))).toEqual({ action: 'quit' });
    expect(matchKey('filter', '', key({ escape: true, meta: true }))).toEqual({ action: 'cancelFilter' });
    expect(matchKey('filter', '', key({ delete: true }))).toEqual({ action: 'erase' });
  });

  it('in the picker space ticks instead of typing a space, and arrows move', () => {
    expect(matchKey('picker', ' ', key())).toEqual({ action: 'pickerToggle' });
    expect(matchKey('picker', 'n', key())).toEqual({ action: 'type' });
    expect(matchKey('picker', '', key({ downArrow: true }))).toEqual({ action: 'move', arg: 'moveDown' });
    expect(matchKey('picker', '', key({ return: true }))).toEqual({ action: 'pickerApply' });
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

describe('help and hints come from the same table', () => {
  it('every binding is in the help once, with its keys as the table lists them', () => {
    const rows = helpSections().flatMap((section) => section.rows);
    expect(rows).toHaveLength(KEYMAP.length);
    for (const binding of KEYMAP) expect(rows).toContainEqual({ keys: keysLabel(binding), help: binding.help });
  });

  it('labels read like the issue: tab shift+tab, ↓ j ↑ k, 1 2 3 4', () => {
    const labels = KEYMAP.map(keysLabel);
    expect(labels).toContain('tab shift+tab');
    expect(labels).toContain('↓ j ↑ k');
    expect(labels).toContain('1 2 3 4');
    expect(labels).toContain('ctrl+c');
  });

  it('the hints line names help and quit in the panes, and apply and cancel in the picker', () => {
    expect(hintsFor('panes')).toEqual(expect.arrayContaining([{ keys: '?', hint: 'help' }, { keys: 'q', hint: 'quit' }]));
    expect(hintsFor('picker')).toEqual(expect.arrayContaining([{ keys: 'enter', hint: 'apply' }, { keys: 'esc', hint: 'cancel' }]));
  });
});
