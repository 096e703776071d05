import { afterEach, describe, expect, it } from 'vitest';
import { KEYMAP } from '../../components/keymap';
import { displayWidth } from '../../src/text/display-width';
import { CJK, KEYS, renderDashboard, type Dashboard } from './dashboard-harness';

const open: Dashboard[] = [];
async function dashboard(...args: Parameters<typeof renderDashboard>) {
  const rendered = await renderDashboard(...args);
  open.push(rendered);
  return rendered;
}
afterEach(() => {
  for (const rendered of open.splice(0)) rendered.unmount();
});

/** The line holding `text`, failing with the screen when there is none. */
function lineWith(screen: Dashboard, text: string): string {
  const line = screen.lines().find((candidate) => candidate.includes(text));
  if (line === undefined) throw new Error(`"${text}" is not on the screen:\n${screen.screen()}`);
  return line;
}

/** The terminal column where `text` starts on `line`. */
function columnOf(line: string, text: string): number {
  const index = line.indexOf(text);
  expect(index, `"${text}" in "${line}"`).toBeGreaterThanOrEqual(0);
  return displayWidth(line.slice(0, index));
}

describe('layout', () => {
  it('below 120 columns shows one pane and a tab bar naming all four with their counts', async () => {
    const screen = await dashboard({ columns: 100, rows: 30 });
    expect(lineWith(screen, '1 Milestones 7')).toMatch(/1 Milestones 7\]? +2 Meetings 7 +3 Priorities 13 +4 Liaison gaps 7/);
    expect(screen.screen()).toContain('Milestones 1/7');
    expect(screen.screen()).not.toContain('Meetings 1/7');
    expect(screen.lines()).toHaveLength(30);
    for (const line of screen.lines()) expect(displayWidth(line)).toBeLessThanOrEqual(100);
  });

  it('from 120 columns shows the four panes in a 2×2 grid', async () => {
    const screen = await dashboard({ columns: 160, rows: 48 });
    expect(lineWith(screen, 'Milestones 1/7')).toContain('Meetings 1/7');
    expect(lineWith(screen, 'Priorities 1/13')).toContain('Liaison gaps 1/7');
    expect(screen.screen()).not.toContain('1 Milestones 7');
    expect(screen.lines()).toHaveLength(48);
    for (const line of screen.lines()) expect(displayWidth(line)).toBeLessThanOrEqual(160);
  });

  it('the header has the time in London and UTC, the meeting on now, the filters and the source state', async () => {
    const screen = await dashboard({ columns: 120 });
    const [clock = '', next = '', state = ''] = screen.lines();
    expect(clock).toContain('OpenStack Liberty (2015)');
    expect(clock).toContain('Tue 11 Aug 22:44:57 BST (21:44 UTC)');
    expect(next).toContain('now: OpenStack Cross-Project Meeting in #openstack-meeting');
    expect(state).toContain('Projects: all');
    expect(state).toContain('Filter: none');
    expect(state).toContain('liberty-2015.yaml: loaded');
  });

  it('asks for a bigger terminal instead of drawing a broken layout', async () => {
    const screen = await dashboard({ columns: 30, rows: 8 });
    expect(screen.screen()).toContain('radar needs 40×12');
  });
});

describe('focus and movement', () => {
  it('2 focuses Meetings and j moves to the Nova meeting on Thursday', async () => {
    const screen = await dashboard();
    await screen.press('2', 'j');
    expect(screen.screen()).toContain('Meetings 2/7');
    expect(lineWith(screen, '› ')).toContain('Thu 13 Aug 22:00 BST');
    expect(lineWith(screen, '› ')).toContain('Nova Team Meeting');
  });

  it('tab and shift+tab go round the panes, and 1–4 jump to one', async () => {
    const screen = await dashboard();
    await screen.press(KEYS.tab);
    expect(screen.screen()).toContain('Meetings 1/7');
    await screen.press(KEYS.shiftTab, KEYS.shiftTab);
    expect(screen.screen()).toContain('Liaison gaps 1/7');
    await screen.press('3');
    expect(screen.screen()).toContain('Priorities 1/13');
  });

  it('G goes to the last priority, g back to the first, PgDn and PgUp move by a page', async () => {
    const screen = await dashboard({ rows: 14 });
    await screen.press('3', 'G');
    expect(screen.screen()).toContain('Priorities 13/13');
    expect(lineWith(screen, '› ')).toContain('Feature test classification');
    await screen.press('g');
    expect(screen.screen()).toContain('Priorities 1/13');
    // 14 rows: header 3, tab bar, frame and headings 3, hints 1 leave 6 rows a page.
    await screen.press(KEYS.pageDown);
    expect(screen.screen()).toContain('Priorities 7/13');
    await screen.press(KEYS.pageUp);
    expect(screen.screen()).toContain('Priorities 1/13');
  });

  it('arrows move like j and k and stop at the ends', async () => {
    const screen = await dashboard();
    await screen.press(KEYS.up);
    expect(screen.screen()).toContain('Milestones 1/7');
    await screen.press(KEYS.down, KEYS.down);
    expect(screen.screen()).toContain('Milestones 3/7');
  });

  it('a pane that loses the focus keeps its column headings and rows in place', async () => {
    const screen = await dashboard({ columns: 160, rows: 30 });
    await screen.press('j', KEYS.tab);
    const lines = screen.lines();
    const top = lines.findIndex((line) => line.includes('Milestones 2/7'));
    expect(lines[top + 1]).toMatch(/│ +Milestone +When/);
    expect(lines[top + 2]).toContain('Nova feature proposal freeze');
  });

  it('keys typed faster than they are read still each count, even when one starts a filter', async () => {
    const screen = await dashboard();
    await screen.press('2/nova');
    expect(screen.screen()).toContain('Meetings 1/2 /nova▏');
  });

  it('keys typed faster than they are read still each count', async () => {
    const screen = await dashboard();
    await screen.press('jjj');
    expect(screen.screen()).toContain('Milestones 4/7');
  });
});

describe('text filter', () => {
  it('/ nova narrows the Meetings pane only, and the header says so', async () => {
    const screen = await dashboard();
    await screen.press('2', '/', 'n', 'o', 'v', 'a');
    expect(screen.screen()).toContain('Meetings 1/2 /nova▏');
    expect(lineWith(screen, 'Filter:')).toContain('Meetings “nova”');
    expect(lineWith(screen, '1 Milestones')).toMatch(/1 Milestones 7 +\[?2 Meetings 2\]? /);
    await screen.press(KEYS.enter);
    expect(screen.screen()).toContain('Meetings 1/2 /nova');
    expect(screen.screen()).not.toContain('/nova▏');
  });

  it('esc while typing clears the filter; esc later clears a kept one', async () => {
    const screen = await dashboard();
    await screen.press('2', '/', 'skipped-nothing', KEYS.escape);
    expect(screen.screen()).toContain('Meetings 1/7');
    await screen.press('/', 'nova', KEYS.backspace, KEYS.enter);
    expect(lineWith(screen, 'Filter:')).toContain('Meetings “nov”');
    await screen.press(KEYS.escape);
    expect(lineWith(screen, 'Filter:')).toContain('Filter: none');
  });

  it('says so when nothing matches', async () => {
    const screen = await dashboard();
    await screen.press('/', 'zzz', KEYS.enter);
    expect(screen.screen()).toContain('nothing matches “zzz” (esc clears)');
    expect(screen.screen()).toContain('Milestones 0/0');
  });
});

describe('project picker', () => {
  it('p, typing "no", space and enter show Nova in every pane', async () => {
    const screen = await dashboard();
    await screen.press('p');
    expect(screen.screen()).toContain('8 of 8');
    expect(screen.screen()).toContain('[ ] product-wg');
    await screen.press('n', 'o');
    expect(screen.screen()).toContain('1 of 8');
    await screen.press(' ');
    expect(screen.screen()).toContain('[x] nova');
    expect(screen.screen()).toContain('1 chosen: nova');
    await screen.press(KEYS.enter);
    expect(lineWith(screen, 'Projects:')).toContain('Projects: nova');
    // Cross-project milestones stay; the Product WG mid-cycle goes.
    expect(lineWith(screen, '1 Milestones')).toMatch(/1 Milestones 6\]? +2 Meetings 2 +3 Priorities 13 +4 Liaison gaps 1/);
  });

  it('esc leaves the project filter as it was', async () => {
    const screen = await dashboard({ args: ['-p', 'nova'] });
    expect(lineWith(screen, 'Projects:')).toContain('Projects: nova');
    await screen.press('p', KEYS.down, ' ', KEYS.escape);
    expect(lineWith(screen, 'Projects:')).toContain('Projects: nova');
    await screen.press('p', 'nova', ' ', KEYS.enter);
    expect(lineWith(screen, 'Projects:')).toContain('Projects: all');
  });
});

describe('details', () => {
  it('enter on the Nova meeting shows its next occurrences in London and in UTC (its own zone, said once), and where it came from', async () => {
    const screen = await dashboard({ columns: 110, rows: 34 });
    await screen.press('2', 'j', KEYS.enter);
    const text = screen.screen();
    expect(text).toContain('Nova Team Meeting');
    expect(text).toContain('Chair      Mikal Still & John Garbutt');
    expect(text).toContain('Agenda     https://wiki.openstack.org/wiki/Meetings/Nova');
    expect(text).toContain('Where      #openstack-meeting');
    expect(text).toMatch(/Source +.*liberty-2015\.yaml:\d+:\d+/);
    expect(lineWith(screen, 'Thu 13 Aug 22:00 BST')).toMatch(/Thu 13 Aug 22:00 BST ☾ +in 1d 23h +Thu 13 Aug 21:00 UTC +│$/);
    expect(lineWith(screen, 'Next (Europe/London)')).toMatch(/Next \(Europe\/London\) +UTC +│$/);
    expect(text).toContain('Thu 20 Aug 15:00 BST');
    await screen.press(KEYS.escape);
    expect(screen.screen()).toContain('Meetings 2/7');
  });

  it('the skipped Product WG meeting shows why it is skipped', async () => {
    const screen = await dashboard({ columns: 110, rows: 34 });
    await screen.press('2', 'j', 'j', KEYS.enter);
    const lines = screen.lines();
    const skipped = lines.findIndex((line) => line.includes('Mon 17 Aug 20:00 BST'));
    expect(lines[skipped]).toMatch(/Mon 17 Aug 20:00 BST ☾ +skipped +Mon 17 Aug 19:00 UTC/);
    expect(lines[skipped + 1]).toContain('skipped: ops summit travel');
  });

  it('enter on a milestone shows its window, cycle week, countdown to the second, notes and URL', async () => {
    const screen = await dashboard({ columns: 110, rows: 34 });
    await screen.press(KEYS.enter);
    const text = screen.screen();
    expect(text).toContain('Nova feature proposal freeze');
    expect(text).toContain('Window     Mon 17 Aug – Fri 21 Aug');
    expect(text).toContain('Week       R-8 of Liberty (release Thu 15 Oct)');
    expect(text).toContain('Countdown  in 5d 02h 15m 03s');
    expect(text).toContain('Notes      All remaining Nova feature code must be up for review.');
    expect(text).toContain('URL        https://wiki.openstack.org/wiki/Nova/Liberty_Release_Schedule');
  });

  it('a priority without a plan shows that it needs an owner', async () => {
    const screen = await dashboard({ columns: 110, rows: 34 });
    await screen.press('3', 'j', 'j', 'j', 'j', 'j', KEYS.enter);
    expect(screen.screen()).toContain('Live migration');
    expect(screen.screen()).toContain('Status     no plan');
    expect(screen.screen()).toContain('Owner      needs owner');
  });

  it('a liaison gap names the project, the missing role and who fills the others', async () => {
    const screen = await dashboard({ columns: 110, rows: 34 });
    await screen.press('4', 'G', KEYS.enter);
    expect(screen.screen()).toContain('Swift: no Product WG liaison');
    expect(lineWith(screen, 'Release management')).toContain('John Dickinson (notmyname)');
    expect(lineWith(screen, 'Product WG    ')).toContain('missing');
  });
});

describe('help', () => {
  it('? lists every key of the key map, and esc closes it', async () => {
    const screen = await dashboard({ columns: 110, rows: 60 });
    await screen.press('?');
    const text = screen.screen();
    for (const binding of KEYMAP) expect(text, binding.help).toContain(binding.help);
    await screen.press(KEYS.escape);
    expect(screen.screen()).toContain('Milestones 1/7');
  });

  it('scrolls with j when the terminal is too short for all of it', async () => {
    const screen = await dashboard({ columns: 80, rows: 24 });
    await screen.press('?');
    expect(screen.screen()).toContain('↓ j more');
    expect(screen.screen()).not.toContain('quit, even while typing');
    await screen.press(...Array.from({ length: 30 }, () => 'j'));
    expect(screen.screen()).toContain('quit, even while typing');
    expect(screen.screen()).not.toContain('↓ j more');
  });
});

describe('zone, quit, colour', () => {
  it('z shows UTC, then the selected meeting’s own zone, then the user’s zone again', async () => {
    const screen = await dashboard({ source: CJK, now: '2027-02-01T09:00:00Z', zone: 'Asia/Tokyo' });
    await screen.press('2', 'j', 'z');
    expect(screen.lines()[0]).toContain('Mon 1 Feb 09:00:00 UTC');
    expect(screen.lines()[0]).toContain('(yours: Asia/Tokyo)');
    await screen.press('z');
    expect(screen.lines()[0]).toContain('Mon 1 Feb 10:00:00 CET');
    await screen.press('z');
    expect(screen.lines()[0]).toContain('Mon 1 Feb 18:00:00 JST');
  });

  it('q quits', async () => {
    const screen = await dashboard();
    await screen.press('q');
    expect(screen.exited()).toBe(true);
  });

  it('ctrl+c quits even while a filter is being typed, where q is just a letter', async () => {
    const screen = await dashboard();
    await screen.press('/', 'q');
    expect(screen.exited()).toBe(false);
    await screen.press(KEYS.ctrlC);
    expect(screen.exited()).toBe(true);
  });

  it('without colour there are no colour codes, and the selection is marked with ›', async () => {
    const plain = await dashboard({ color: false });
    expect(plain.raw()).not.toMatch(/\u001b\[(3\d|4\d|9\d|2|7)m/);
    expect(lineWith(plain, '› ')).toContain('Nova feature proposal freeze');
  });

  it('meetings outside work hours are marked ☾, so 10pm stands out', async () => {
    const screen = await dashboard();
    await screen.press('2');
    expect(lineWith(screen, 'Thu 13 Aug 22:00 BST')).toMatch(/☾ +Thu 13 Aug 22:00 BST/);
    expect(lineWith(screen, 'Thu 20 Aug 15:00 BST')).not.toContain('☾');
  });
});

describe('wide characters', () => {
  it('CJK and emoji titles keep every column of the Meetings pane aligned', async () => {
    const screen = await dashboard({ source: CJK, now: '2027-02-01T09:00:00Z', zone: 'Asia/Tokyo', columns: 100 });
    await screen.press('2');
    const header = lineWith(screen, 'Countdown');
    const rows = [lineWith(screen, 'Wed 3 Feb'), lineWith(screen, 'Fri 5 Feb'), lineWith(screen, 'Wed 10 Feb')];
    const countdown = columnOf(header, 'Countdown');
    const meeting = columnOf(header, 'Meeting');
    const where = columnOf(header, 'Where');
    expect(columnOf(rows[0]!, 'in 1d 16h')).toBe(countdown);
    expect(columnOf(rows[1]!, 'in 3d 6h')).toBe(countdown);
    expect(columnOf(rows[0]!, '新星チーム会議')).toBe(meeting);
    expect(columnOf(rows[1]!, '🚀 Rocket sync 🎉')).toBe(meeting);
    expect(columnOf(rows[0]!, '#新星-meeting')).toBe(where);
    expect(columnOf(rows[1]!, '#rocket')).toBe(where);
    for (const line of [header, ...rows]) expect(displayWidth(line)).toBe(100);
  });

  it('CJK names are cut with … at the pane edge, never wrapped', async () => {
    const screen = await dashboard({ source: CJK, now: '2027-02-01T09:00:00Z', zone: 'Asia/Tokyo', columns: 48, rows: 20 });
    await screen.press('3');
    const row = lineWith(screen, '翻訳');
    expect(displayWidth(row)).toBeLessThanOrEqual(48);
    expect(screen.lines()).toHaveLength(20);
  });
});
