// The detail view of a meeting in a zone only its calendar file defines, and that no IANA zone
// follows (the US rules before 2007, in 2026): each occurrence at its own clock time and offset.
import { afterEach, describe, expect, it } from 'vitest';
import { KEYS, renderDashboard, type Dashboard } from './dashboard-harness';

const open: Dashboard[] = [];
afterEach(() => {
  for (const rendered of open.splice(0)) rendered.unmount();
});

describe('a meeting in "Customized Time Zone"', () => {
  it('details: the file names the zone, and every occurrence reads 09:00 there, GMT-5 in March and GMT-4 from 5 April', async () => {
    const screen = await renderDashboard({ source: 'test/fixtures/dashboard/customized-zone.ics', now: '2026-03-01T00:00:00Z', zone: 'UTC', columns: 140, rows: 40 });
    open.push(screen);
    await screen.waitFor('Ops review');
    await screen.press('2', KEYS.enter);
    await screen.waitFor('Customized Time Zone (at the offsets the file gives)');
    const rows = screen.lines().filter((line) => /Mon \d+ (Mar|Apr) \d\d:00 UTC/.test(line));
    // The own-zone column is 21 wide: 'Mon 16 Mar 09:00 GMT-5' (22) is cut there, so the rows of one-digit days are read.
    const read = rows.map((line) => /(Mon \d+ \w+ \d\d:00 UTC).*(Mon \d \w+ \d\d:00 GMT-\d)/.exec(line)?.slice(1).join(' = ')).filter((row) => row !== undefined);
    expect(read).toEqual(['Mon 2 Mar 14:00 UTC = Mon 2 Mar 09:00 GMT-5', 'Mon 9 Mar 14:00 UTC = Mon 9 Mar 09:00 GMT-5', 'Mon 6 Apr 13:00 UTC = Mon 6 Apr 09:00 GMT-4']);
    expect(rows).toHaveLength(6);
    expect(screen.screen()).toContain('Own zone (Customized…'); // the file's name for the zone, cut to the column
  });
});
