// THE key map: every key the dashboard answers to, once. Input handling (`matchKey`), the `?`
// help overlay (`helpSections`) and the hints line (`hintsFor`) all read this table, so the
// help can never describe a key that does something else.
import type { Key } from 'ink';

/** What the keyboard is talking to at the moment. */
export type KeyContext = 'panes' | 'filter' | 'picker' | 'help' | 'detail' | 'sources';

/** Which way a cursor (or a scrolled overlay) moves. */
export type Movement = 'down' | 'up' | 'first' | 'last' | 'pageDown' | 'pageUp';

/** The four panes, in tab order. */
export const PANES = ['milestones', 'meetings', 'priorities', 'gaps'] as const;
export type PaneId = (typeof PANES)[number];

/** What a key asks for: each binding carries its whole meaning, so nothing is cast later. */
export type KeyAction =
  | { type: 'focusCycle'; step: 1 | -1 }
  | { type: 'focusPane'; pane: PaneId }
  | { type: 'move'; movement: Movement }
  | { type: 'openDetail' }
  | { type: 'clearFilter' }
  | { type: 'startFilter' }
  | { type: 'openPicker' }
  | { type: 'openSources' }
  | { type: 'toggleAll' }
  | { type: 'cycleZone' }
  | { type: 'reload' }
  | { type: 'dismissReminder' }
  | { type: 'toggleHelp' }
  | { type: 'close' }
  | { type: 'quit' }
  /** Typing: the text is the key's own (a letter, or a run of them from a paste). */
  | { type: 'type' }
  | { type: 'erase' }
  | { type: 'acceptFilter' }
  | { type: 'cancelFilter' }
  | { type: 'pickerToggle' }
  | { type: 'pickerApply' }
  | { type: 'pickerCancel' };

export type Special =
  | 'tab'
  | 'shiftTab'
  | 'up'
  | 'down'
  | 'left'
  | 'right'
  | 'pageUp'
  | 'pageDown'
  | 'home'
  | 'end'
  | 'enter'
  | 'escape'
  | 'backspace'
  | 'space'
  | 'ctrlC'
  /** Any printable text (typing, or a paste). */
  | 'text';

/** One key of a binding and what it does. */
export type Stroke = ({ char: string; special?: undefined } | { special: Special; char?: undefined }) & { action: KeyAction };

export type Section = 'panes' | 'filter' | 'picker' | 'overlay' | 'anywhere';

export interface Binding {
  section: Section;
  keys: readonly Stroke[];
  /** The help overlay's description. */
  help: string;
  /** A word or two for the hints line; bindings without one are only in the help. */
  hint?: string;
}

export const SECTIONS: Record<Section, { title: string; contexts: readonly KeyContext[] }> = {
  panes: { title: 'Panes', contexts: ['panes'] },
  filter: { title: 'Text filter (after /)', contexts: ['filter'] },
  picker: { title: 'Project picker (after p)', contexts: ['picker'] },
  overlay: { title: 'Details, sources and help', contexts: ['help', 'detail', 'sources'] },
  anywhere: { title: 'Anywhere', contexts: ['panes', 'filter', 'picker', 'help', 'detail', 'sources'] },
};

const move = (movement: Movement): KeyAction => ({ type: 'move', movement });
const focus = (pane: PaneId): KeyAction => ({ type: 'focusPane', pane });
const next: KeyAction = { type: 'focusCycle', step: 1 };
const previous: KeyAction = { type: 'focusCycle', step: -1 };
/** A binding whose keys all do the same thing. */
function same(section: Section, action: KeyAction, keys: readonly ({ char: string } | { special: Special })[], help: string, hint?: string): Binding {
  const strokes = keys.map((stroke): Stroke => ('char' in stroke ? { char: stroke.char, action } : { special: stroke.special, action }));
  return hint === undefined ? { section, keys: strokes, help } : { section, keys: strokes, help, hint };
}

const SCROLL_KEYS: readonly Stroke[] = [
  { special: 'down', action: move('down') },
  { char: 'j', action: move('down') },
  { special: 'up', action: move('up') },
  { char: 'k', action: move('up') },
];

export const KEYMAP: readonly Binding[] = [
  {
    section: 'panes',
    keys: [
      { special: 'tab', action: next },
      { special: 'shiftTab', action: previous },
      { special: 'right', action: next },
      { special: 'left', action: previous },
      { char: 'l', action: next },
      { char: 'h', action: previous },
    ],
    help: 'next / previous pane',
    hint: 'pane',
  },
  {
    section: 'panes',
    keys: [
      { char: '1', action: focus('milestones') },
      { char: '2', action: focus('meetings') },
      { char: '3', action: focus('priorities') },
      { char: '4', action: focus('gaps') },
    ],
    help: 'Milestones, Meetings, Priorities, Liaison gaps',
  },
  { section: 'panes', keys: SCROLL_KEYS, help: 'move down / up' },
  {
    section: 'panes',
    keys: [
      { char: 'g', action: move('first') },
      { char: 'G', action: move('last') },
      { special: 'home', action: move('first') },
      { special: 'end', action: move('last') },
    ],
    help: 'first / last',
  },
  {
    section: 'panes',
    keys: [
      { special: 'pageDown', action: move('pageDown') },
      { special: 'pageUp', action: move('pageUp') },
    ],
    help: 'page down / up',
  },
  same('panes', { type: 'openDetail' }, [{ special: 'enter' }], 'details of the selected item', 'details'),
  same('panes', { type: 'startFilter' }, [{ char: '/' }], 'filter the focused pane by text', 'filter'),
  same('panes', { type: 'clearFilter' }, [{ special: 'escape' }], "clear the focused pane's text filter"),
  same('panes', { type: 'openPicker' }, [{ char: 'p' }], 'choose projects (every pane)', 'projects'),
  same('panes', { type: 'toggleAll' }, [{ char: 'a' }], 'show / hide past milestones and closed priorities', 'all'),
  same('panes', { type: 'openSources' }, [{ char: 's' }], "sources: each one's state, errors and warnings", 'sources'),
  same('panes', { type: 'cycleZone' }, [{ char: 'z' }], "display zone: yours, UTC, the selected meeting's", 'zone'),
  same('panes', { type: 'reload' }, [{ char: 'r' }], 'reload the sources', 'reload'),
  same('panes', { type: 'dismissReminder' }, [{ char: 'x' }], 'dismiss the reminder under the header'),
  same('panes', { type: 'toggleHelp' }, [{ char: '?' }], 'this help', 'help'),
  same('panes', { type: 'quit' }, [{ char: 'q' }], 'quit', 'quit'),

  same('filter', { type: 'acceptFilter' }, [{ special: 'enter' }], 'keep the filter', 'keep'),
  same('filter', { type: 'cancelFilter' }, [{ special: 'escape' }], 'clear the filter', 'clear'),
  same('filter', { type: 'erase' }, [{ special: 'backspace' }], 'delete the last character'),
  same('filter', { type: 'type' }, [{ special: 'text' }], 'the text to look for (any column)'),

  same('picker', { type: 'pickerToggle' }, [{ special: 'space' }], 'choose / unchoose the project', 'choose'),
  same('picker', { type: 'pickerApply' }, [{ special: 'enter' }], 'apply (nothing chosen: all projects)', 'apply'),
  same('picker', { type: 'pickerCancel' }, [{ special: 'escape' }], 'cancel', 'cancel'),
  {
    section: 'picker',
    keys: [
      { special: 'down', action: move('down') },
      { special: 'up', action: move('up') },
      { special: 'pageDown', action: move('pageDown') },
      { special: 'pageUp', action: move('pageUp') },
    ],
    help: 'move',
    hint: 'move',
  },
  same('picker', { type: 'erase' }, [{ special: 'backspace' }], 'delete the last character'),
  same('picker', { type: 'type' }, [{ special: 'text' }], 'search projects by id or name', 'search'),

  same('overlay', { type: 'close' }, [{ special: 'escape' }, { special: 'enter' }], 'close', 'close'),
  { section: 'overlay', keys: SCROLL_KEYS, help: 'scroll', hint: 'scroll' },
  {
    section: 'overlay',
    keys: [
      { char: 'g', action: move('first') },
      { char: 'G', action: move('last') },
      { special: 'pageDown', action: move('pageDown') },
      { special: 'pageUp', action: move('pageUp') },
    ],
    help: 'top / bottom, page down / up',
  },
  same('overlay', { type: 'toggleHelp' }, [{ char: '?' }], 'help'),
  same('overlay', { type: 'quit' }, [{ char: 'q' }], 'quit', 'quit'),

  same('anywhere', { type: 'quit' }, [{ special: 'ctrlC' }], 'quit, even while typing'),
];

const SPECIAL_LABELS: Record<Special, string> = {
  tab: 'tab',
  shiftTab: 'shift+tab',
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  pageUp: 'PgUp',
  pageDown: 'PgDn',
  home: 'home',
  end: 'end',
  enter: 'enter',
  escape: 'esc',
  backspace: 'backspace',
  space: 'space',
  ctrlC: 'ctrl+c',
  text: 'type',
};

export function strokeLabel(stroke: Stroke): string {
  return stroke.char ?? (stroke.special === undefined ? '' : SPECIAL_LABELS[stroke.special]);
}

/** 'tab shift+tab', '↓ j ↑ k', '1 2 3 4'. */
export function keysLabel(binding: Binding): string {
  return binding.keys.map(strokeLabel).join(' ');
}

// Printable: no control characters (escape sequences arrive without their ESC, but a stray
// one must never be typed into a filter).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function strokeMatches(stroke: Stroke, input: string, key: Key): boolean {
  if (stroke.char !== undefined) return input === stroke.char && !key.ctrl && !key.meta;
  switch (stroke.special) {
    case 'tab':
      return key.tab && !key.shift;
    case 'shiftTab':
      return key.tab && key.shift;
    case 'up':
      return key.upArrow;
    case 'down':
      return key.downArrow;
    case 'left':
      return key.leftArrow;
    case 'right':
      return key.rightArrow;
    case 'pageUp':
      return key.pageUp;
    case 'pageDown':
      return key.pageDown;
    case 'home':
      return key.home;
    case 'end':
      return key.end;
    case 'enter':
      return key.return || input === '\r' || input === '\n';
    case 'escape':
      return key.escape;
    case 'backspace':
      return key.backspace || key.delete;
    case 'space':
      return input === ' ' && !key.ctrl && !key.meta;
    case 'ctrlC':
      return key.ctrl && input === 'c';
    case 'text':
      return input.length > 0 && !key.ctrl && !key.meta && !CONTROL.test(input);
    case undefined:
      return false;
  }
}

/**
 * What `input`/`key` (as Ink's useInput reports them) asks for in `context`, or null.
 * Named keys win over typing, so space toggles in the picker and enter never types.
 */
export function matchKey(context: KeyContext, input: string, key: Key): KeyAction | null {
  const active = KEYMAP.filter((binding) => SECTIONS[binding.section].contexts.includes(context));
  for (const typing of [false, true]) {
    for (const binding of active) {
      for (const stroke of binding.keys) {
        if ((stroke.special === 'text') !== typing) continue;
        if (strokeMatches(stroke, input, key)) return stroke.action;
      }
    }
  }
  return null;
}

/** One key press of a burst: what Ink would have reported had it come alone. */
export interface KeyPress {
  input: string;
  key: Key;
}

const NAMED_CONTROLS: Record<string, Partial<Key>> = {
  '\r': { return: true },
  '\n': { return: true },
  '\t': { tab: true },
  '\u007f': { delete: true },
  '\b': { backspace: true },
  '\u001b': { escape: true, meta: true },
};

/**
 * The key presses in one read. Ink splits a read at escape sequences only, so keys typed
 * faster than they are read ("jjj", backspace backspace, backspace enter, a paste) arrive as
 * one string: every character of it is a key of its own, as if typed one at a time.
 */
export function splitKeys(input: string, key: Key): KeyPress[] {
  const named = key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown || key.home || key.end;
  if (input.length <= 1 || named || key.ctrl || key.meta) return [{ input, key }];
  const presses: KeyPress[] = [];
  for (const character of input) {
    const code = character.codePointAt(0) ?? 0;
    const control = NAMED_CONTROLS[character];
    if (control !== undefined) presses.push({ input: control.return === true ? character : '', key: inkKey(control) });
    else if (code >= 1 && code <= 26) presses.push({ input: String.fromCharCode(code + 96), key: inkKey({ ctrl: true }) });
    else if (!CONTROL.test(character)) presses.push({ input: character, key: inkKey({ shift: /[A-Z]/.test(character) }) });
  }
  return presses;
}

export interface HelpSection {
  title: string;
  rows: { keys: string; help: string }[];
}

/** The help overlay's content, in the table's order. */
export function helpSections(): HelpSection[] {
  return (Object.keys(SECTIONS) as Section[]).map((section) => ({
    title: SECTIONS[section].title,
    rows: KEYMAP.filter((binding) => binding.section === section).map((binding) => ({ keys: keysLabel(binding), help: binding.help })),
  }));
}

/** 'tab pane', '/ filter', … for the bottom line in `context`: each hinted binding's first key. */
export function hintsFor(context: KeyContext): { keys: string; hint: string }[] {
  return KEYMAP.filter((binding) => binding.hint !== undefined && SECTIONS[binding.section].contexts.includes(context)).map((binding) => ({
    keys: binding.keys[0] === undefined ? '' : strokeLabel(binding.keys[0]),
    hint: binding.hint ?? '',
  }));
}

/** A Key as Ink reports it, nothing pressed but `pressed`: for keys that arrive as text. */
export function inkKey(pressed: Partial<Key> = {}): Key {
  return {
    upArrow: false,
    downArrow: false,
    leftArrow: false,
    rightArrow: false,
    pageDown: false,
    pageUp: false,
    home: false,
    end: false,
    return: false,
    escape: false,
    ctrl: false,
    shift: false,
    tab: false,
    backspace: false,
    delete: false,
    meta: false,
    super: false,
    hyper: false,
    capsLock: false,
    numLock: false,
    ...pressed,
  };
}
