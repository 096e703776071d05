// Reminders in the dashboard, as a person meets them: a line under the header that says what
// is coming and how soon, the bell once, `x` to dismiss, and never the same one twice.
import { afterEach, describe, expect, it } from 'vitest';
import { helpSections } from '../../components/keymap';
import { memoryFiredStore } from '../../src/remind/fired-state';
import { renderDashboard, type Dashboard, type DashboardOptions, manualClock } from './dashboard-harness';

const open: Dashboard[] = [];
async function dashboard(options: DashboardOptions) {
  const rendered = await renderDashboard({ zone: 'UTC', columns: 130, rows: 30, ...options });
  open.push(rendered);
  return rendered;
}
afterEach(() => {
  for (const rendered of open.splice(0)) rendered.unmount();
});

const meetingsOnly = { meetings: ['10m'], milestones: [] };
const REMINDER = 'Reminder: Nova Team Meeting in 10m — Thu 21:00 UTC #openstack-meeting · x dismisses';

describe('a reminder ten minutes before the Nova meeting (Thursday 13 August 2015, 21:00 UTC)', () => {
  it('appears under the header at 20:50, rings the bell once, and goes with x', async () => {
    const clock = manualClock('2015-08-13T20:49:58Z');
    let rings = 0;
    const screen = await dashboard({ now: '2015-08-13T20:49:58Z', clock: clock.store, firedStore: memoryFiredStore(), reminders: meetingsOnly, onBell: () => (rings += 1) });
    expect(screen.screen()).not.toContain('Reminder:');
    await clock.advance(2);
    await screen.waitFor(REMINDER);
    const row = screen.lines().findIndex((line) => line.startsWith('Reminder:'));
    expect(
      screen
        .lines()
        .slice(0, row)
        .some((line) => line.includes('20:50:00')),
    ).toBe(true);
    expect(rings).toBe(1);
    await clock.advance(3);
    expect(rings).toBe(1);
    await screen.press('x');
    expect(screen.screen()).not.toContain('Reminder:');
  });

  it('missed while the dashboard was closed, it shows at once with the time actually left', async () => {
    const screen = await dashboard({ now: '2015-08-13T20:56:30Z', firedStore: memoryFiredStore(), reminders: meetingsOnly });
    await screen.waitFor('Reminder: Nova Team Meeting in 4m — Thu 21:00 UTC #openstack-meeting · x dismisses');
  });

  it('is not shown again when the dashboard opens once more, nor once the meeting has started', async () => {
    const store = memoryFiredStore();
    const first = await dashboard({ now: '2015-08-13T20:52:00Z', firedStore: store, reminders: meetingsOnly });
    await first.waitFor('Reminder: Nova Team Meeting in 8m');
    first.unmount();
    // A milestone reminder that is due shows that each dashboard has looked, and the Nova one is not there.
    const withMilestones = { meetings: ['10m'], milestones: ['6d'] };
    const again = await dashboard({ now: '2015-08-13T20:53:00Z', firedStore: store, reminders: withMilestones });
    await again.waitFor('Reminder: Nova feature proposal freeze in 3d');
    expect(again.screen()).not.toMatch(/Reminder: Nova Team Meeting|more\)/);
    const late = await dashboard({ now: '2015-08-13T21:00:30Z', firedStore: memoryFiredStore(), reminders: withMilestones });
    await late.waitFor('Reminder: Nova feature proposal freeze in 3d');
    expect(late.screen()).not.toMatch(/Reminder: Nova Team Meeting|more\)/);
  });

  it('with bell: false it shows without a sound', async () => {
    let rings = 0;
    const screen = await dashboard({ now: '2015-08-13T20:55:00Z', bell: false, firedStore: memoryFiredStore(), reminders: meetingsOnly, onBell: () => (rings += 1) });
    await screen.waitFor('Reminder: Nova Team Meeting in 5m');
    expect(rings).toBe(0);
  });

  it('several at once: the soonest is shown with how many wait behind it, and x takes them one by one', async () => {
    // On 13 August the Nova feature proposal freeze (17 August) and the Product WG mid-cycle
    // (20 August) are within a week: both 7-day reminders were missed.
    const screen = await dashboard({ now: '2015-08-13T20:00:00Z', firedStore: memoryFiredStore(), reminders: { meetings: [], milestones: ['7d'] } });
    await screen.waitFor('Reminder: Nova feature proposal freeze in 3d 4h — Mon 17 Aug  (+1 more) · x dismisses');
    await screen.press('x');
    await screen.waitFor('Reminder: Product WG mid-cycle (Santa Clara) in 6d 4h — Thu 20 Aug · x dismisses');
    await screen.press('x');
    expect(screen.screen()).not.toContain('Reminder:');
  });
});

describe('the key map', () => {
  it('lists x in the help', () => {
    const rows = helpSections().flatMap((section) => section.rows);
    expect(rows).toContainEqual({ keys: 'x', help: 'dismiss the reminder under the header' });
  });
});
