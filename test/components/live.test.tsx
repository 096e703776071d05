// What moves on its own: the clock, the countdowns, the header's warnings and the bell.
import { afterEach, describe, expect, it } from 'vitest';
import { startingOccurrence } from '../../components/use-meeting-bell';
import { parseInstant } from '../../src/time/instant';
import { upcomingOccurrences } from '../../src/views/meetings';
import { loadFor, renderDashboard, testContext, type Dashboard, type DashboardOptions, manualClock } from './dashboard-harness';

/** A clock the test moves by hand. */
/** Retries `check` until it passes or a second is up. */
async function eventually(check: () => void): Promise<void> {
  const deadline = Date.now() + 1000;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

const open: Dashboard[] = [];
async function dashboard(options: DashboardOptions) {
  const rendered = await renderDashboard(options);
  open.push(rendered);
  return rendered;
}
afterEach(() => {
  for (const rendered of open.splice(0)) rendered.unmount();
});

describe('a meeting coming up', () => {
  it('ten minutes before the Nova meeting the header says so, and its countdown ticks each second', async () => {
    const clock = manualClock('2015-08-13T20:50:30Z');
    const screen = await dashboard({ now: '2015-08-13T20:50:30Z', clock: clock.store });
    expect(screen.lines()[0]).toContain('Thu 13 Aug 21:50:30 BST');
    expect(screen.lines()[1]).toBe('Soon: Nova Team Meeting in 9m 30s — Thu 22:00 BST (21:00 UTC) #openstack-meeting');
    await screen.press('2');
    expect(screen.screen()).toMatch(/☾ +Thu 13 Aug 22:00 BST 21:00 UTC +in 9m 30s +Nova Team Meeting/);
    await clock.advance(1);
    await screen.waitFor('Thu 13 Aug 21:50:31 BST');
    await screen.waitFor('Nova Team Meeting in 9m 29s');
    expect(screen.screen()).toMatch(/21:00 UTC +in 9m 29s +Nova Team Meeting/);
  });

  it('more than ten minutes before, the header shows the next meeting without the warning', async () => {
    const clock = manualClock('2015-08-13T20:40:00Z');
    const screen = await dashboard({ now: '2015-08-13T20:40:00Z', clock: clock.store });
    expect(screen.lines()[1]).toBe('Next: Nova Team Meeting in 20m 00s — Thu 22:00 BST (21:00 UTC) #openstack-meeting');
  });

  it('at its start the header says "now: … in #openstack-meeting" and the bell rings once', async () => {
    const clock = manualClock('2015-08-13T20:59:58Z');
    let rings = 0;
    const screen = await dashboard({ now: '2015-08-13T20:59:58Z', clock: clock.store, onBell: () => (rings += 1) });
    expect(rings).toBe(0);
    await clock.advance(2);
    await screen.waitFor('now: Nova Team Meeting in #openstack-meeting (started just now, until 23:00 BST)');
    await eventually(() => expect(rings).toBe(1));
    await clock.advance(5);
    expect(rings).toBe(1);
  });

  it('with bell: false in the config the start is silent', async () => {
    const clock = manualClock('2015-08-13T20:59:58Z');
    let rings = 0;
    const screen = await dashboard({ now: '2015-08-13T20:59:58Z', clock: clock.store, bell: false, onBell: () => (rings += 1) });
    await clock.advance(3);
    await screen.waitFor('now: Nova Team Meeting');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(rings).toBe(0);
  });

  it('a meeting already on when the dashboard opens does not ring', async () => {
    let rings = 0;
    await dashboard({ onBell: () => (rings += 1) });
    expect(rings).toBe(0);
  });

  it('opened twenty seconds into the Nova meeting, the dashboard shows it on but stays silent', async () => {
    // Still within the meeting's first minute, when a dashboard already open rings: only the
    // moment the dashboard was opened tells the two apart.
    const clock = manualClock('2015-08-13T21:00:20Z');
    let rings = 0;
    const screen = await dashboard({ now: '2015-08-13T21:00:20Z', clock: clock.store, onBell: () => (rings += 1) });
    await screen.waitFor('now: Nova Team Meeting in #openstack-meeting');
    // React runs a frame's effects before it renders the next one: once 22:00:22 is on screen,
    // the bell has had its chance at :20 and :21.
    await clock.advance(2);
    await screen.waitFor('Thu 13 Aug 22:00:22 BST');
    expect(rings).toBe(0);
  });
});

describe('startingOccurrence', () => {
  it('rings for a meeting in its first minute, never for a skipped one', async () => {
    const context = testContext({ now: '2015-08-17T18:59:59Z' });
    const loaded = await loadFor(context);
    const upcoming = upcomingOccurrences(loaded.schedule, context.now, 14, { projects: [], text: '' });
    // The Product WG skips Monday 17 August 19:00 UTC (ops summit travel).
    const skipped = parseInstant('2015-08-17T19:00:00Z')!;
    expect(startingOccurrence(upcoming, skipped + 10_000, context.now)).toBe('');
    const nova = parseInstant('2015-08-20T14:00:00Z')!;
    expect(startingOccurrence(upcoming, nova + 10_000, context.now)).toBe(`nova@${nova}`);
    expect(startingOccurrence(upcoming, nova + 61_000, context.now)).toBe('');
  });
});
