// THE key map: every key the dashboard answers to, once. Input handling (`matchKey`), the `?`
// help overlay (`helpSections`) and the hints line (`hintsFor`) all read this table, so the
// help can never describe a key that does something else.
import type { Key } from 'ink';

/** What the keyboard is talking to at the moment. */
export type KeyContext = 'panes' | 'filter' | 'picker' | 'help' | 'detail';

export type Action =
  | 'focusCycle'
  | 'focusPane'
  | 'move'
  | 'openDetail'
  | 'clearFilter'
  | 'startFilter'
  | 'openPicker'
  | 'cycleZone'
  | 'reload'
  | 'dismissReminder'
  | 'toggleHelp'
  | 'close'
  | 'quit'
  | 'type'
  | 'erase'
  | 'acceptFilter'
  | 'cancelFilter'
  | 'pickerToggle'
  | 'pickerApply'
  | 'pickerCancel';

export type Special =
  | 'tab'
  | 'shiftTab'
  | 'up'
  | 'down'
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

/** Which list movement a key asks for (the actions of use-list-state). */
export type Movement = 'moveDown' | 'moveUp' | 'first' | 'last' | 'pageDown' | 'pageUp';

export interface Stroke {
  /** A printable key: 'j', 'G', '/', '?'. */
  char?: string;
  special?: Special;
  /** What this key adds to the action: a pane index, a direction, a movement. */
  arg?: number | Movement;
}

export type Section = 'panes' | 'filter' | 'picker' | 'overlay' | 'anywhere';

export interface Binding {
  section: Section;
  action: Action;
  keys: Stroke[];
  /** The help overlay's description. */
  help: string;
  /** A word or two for the hints line; bindings without one are only in the help. */
  hint?: string;
}

export const SECTIONS: Record<Section, { title: string; contexts: readonly KeyContext[] }> = {
  panes: { title: 'Panes', contexts: ['panes'] },
  filter: { title: 'Text filter (after /)', contexts: ['filter'] },
  picker: { title: 'Project picker (after p)', contexts: ['picker'] },
  overlay: { title: 'Details and help', contexts: ['help', 'detail'] },
  anywhere: { title: 'Anywhere', contexts: ['panes', 'filter', 'picker', 'help', 'detail'] },
};

export const KEYMAP: readonly Binding[] = [
  { section: 'panes', action: 'focusCycle', keys: [{ special: 'tab', arg: 1 }, { special: 'shiftTab', arg: -1 }], help: 'next / previous pane', hint: 'pane' },
  {
    section: 'panes',
    action: 'focusPane',
    keys: [{ char: '1', arg: 0 }, { char: '2', arg: 1 }, { char: '3', arg: 2 }, { char: '4', arg: 3 }],
    help: 'Milestones, Meetings, Priorities, Liaison gaps',
  },
  {
    section: 'panes',
    action: 'move',
    keys: [
      { special: 'down', arg: 'moveDown' },
      { char: 'j', arg: 'moveDown' },
      { special: 'up', arg: 'moveUp' },
      { char: 'k', arg: 'moveUp' },
    ],
    help: 'move down / up',
  },
  {
    section: 'panes',
    action: 'move',
    keys: [
      { char: 'g', arg: 'first' },
      { char: 'G', arg: 'last' },
      { special: 'home', arg: 'first' },
      { special: 'end', arg: 'last' },
    ],
    help: 'first / last',
  },
  { section: 'panes', action: 'move', keys: [{ special: 'pageDown', arg: 'pageDown' }, { special: 'pageUp', arg: 'pageUp' }], help: 'page down / up' },
  { section: 'panes', action: 'openDetail', keys: [{ special: 'enter' }], help: 'details of the selected item', hint: 'details' },
  { section: 'panes', action: 'startFilter', keys: [{ char: '/' }], help: 'filter the focused pane by text', hint: 'filter' },
  { section: 'panes', action: 'clearFilter', keys: [{ special: 'escape' }], help: "clear the focused pane's text filter" },
  { section: 'panes', action: 'openPicker', keys: [{ char: 'p' }], help: 'choose projects (every pane)', hint: 'projects' },
  { section: 'panes', action: 'cycleZone', keys: [{ char: 'z' }], help: "display zone: yours, UTC, the selected meeting's", hint: 'zone' },
  { section: 'panes', action: 'reload', keys: [{ char: 'r' }], help: 'reload the sources', hint: 'reload' },
  { section: 'panes', action: 'dismissReminder', keys: [{ char: 'x' }], help: 'dismiss the reminder under the header' },
  { section: 'panes', action: 'toggleHelp', keys: [{ char: '?' }], help: 'this help', hint: 'help' },
  { section: 'panes', action: 'quit', keys: [{ char: 'q' }], help: 'quit', hint: 'quit' },

  { section: 'filter', action: 'acceptFilter', keys: [{ special: 'enter' }], help: 'keep the filter', hint: 'keep' },
  { section: 'filter', action: 'cancelFilter', keys: [{ special: 'escape' }], help: 'clear the filter', hint: 'clear' },
  { section: 'filter', action: 'erase', keys: [{ special: 'backspace' }], help: 'delete the last character' },
  { section: 'filter', action: 'type', keys: [{ special: 'text' }], help: 'the text to look for (any column)' },

  { section: 'picker', action: 'pickerToggle', keys: [{ special: 'space' }], help: 'choose / unchoose the project', hint: 'choose' },
  { section: 'picker', action: 'pickerApply', keys: [{ special: 'enter' }], help: 'apply (nothing chosen: all projects)', hint: 'apply' },
  { section: 'picker', action: 'pickerCancel', keys: [{ special: 'escape' }], help: 'cancel', hint: 'cancel' },
  {
    section: 'picker',
    action: 'move',
    keys: [
      { special: 'down', arg: 'moveDown' },
      { special: 'up', arg: 'moveUp' },
      { special: 'pageDown', arg: 'pageDown' },
      { special: 'pageUp', arg: 'pageUp' },
    ],
    help: 'move',
    hint: 'move',
  },
  { section: 'picker', action: 'erase', keys: [{ special: 'backspace' }], help: 'delete the last character' },
  { section: 'picker', action: 'type', keys: [{ special: 'text' }], help: 'search projects by id or name', hint: 'search' },

  { section: 'overlay', action: 'close', keys: [{ special: 'escape' }, { special: 'enter' }], help: 'close', hint: 'close' },
  {
    section: 'overlay',
    action: 'move',
    keys: [
      { special: 'down', arg: 'moveDown' },
      { char: 'j', arg: 'moveDown' },
      { special: 'up', arg: 'moveUp' },
      { char: 'k', arg: 'moveUp' },
    ],
    help: 'scroll',
    hint: 'scroll',
  },
  { section: 'overlay', action: 'toggleHelp', keys: [{ char: '?' }], help: 'help' },
  { section: 'overlay', action: 'quit', keys: [{ char: 'q' }], help: 'quit', hint: 'quit' },

  { section: 'anywhere', action: 'quit', keys: [{ special: 'ctrlC' }], help: 'quit, even while typing' },
];

const SPECIAL_LABELS: Record<Special, string> = {
  tab: 'tab',
  shiftTab: 'shift+tab',
  up: '↑',
  down: '↓',
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

export interface Match {
  action: Action;
  arg?: number | Movement;
}

/**
 * The action `input`/`key` (as Ink's useInput reports them) asks for in `context`, or null.
 * Named keys win over typing, so space toggles in the picker and enter never types.
 */
export function matchKey(context: KeyContext, input: string, key: Key): Match | null {
  const active = KEYMAP.filter((binding) => SECTIONS[binding.section].contexts.includes(context));
  for (const typing of [false, true]) {
    for (const binding of active) {
      for (const stroke of binding.keys) {
        if ((stroke.special === 'text') !== typing) continue;
        if (strokeMatches(stroke, input, key)) return stroke.arg === undefined ? { action: binding.action } : { action: binding.action, arg: stroke.arg };
      }
    }
  }
  return null;
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
