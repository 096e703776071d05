// `radar next` in a status bar: a line of the user's own shape, the date when the weekday
// alone would mislead, and nothing at all when the sources are broken.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { isolatedEnv, json, radar } from '../helpers/run-radar';

/** One user for the whole file, whose folders are removed afterwards. */
const USER = isolatedEnv();
afterAll(() => rmSync(USER['HOME']!, { recursive: true, force: true }));

const LIBERTY = 'data/liberty-2015.yaml';
// Thursday 13 August 2015, 20:45 in London: the Nova meeting is at 22:00 BST (21:00 UTC).
const THURSDAY = ['-s', LIBERTY, '--now', '2015-08-13T19:45:00Z', '--tz', 'Europe/London'];

describe('radar next --format', () => {
  it("prints the user's template: '{title} in {in}'", () => {
    const run = radar(['next', ...THURSDAY, '--format', '{title} in {in}'], { env: USER });
    expect([run.code, run.stdout, run.stderr]).toEqual([0, 'Nova Team Meeting in 1h 15m\n', '']);
  });

  it('fills every field cli.md lists, in the display zone', () => {
    const run = radar(['next', ...THURSDAY, '--format', '{title}|{in}|{local}|{time}|{date}|{where}|{project}|{url}'], { env: USER });
    expect(run.stdout).toBe('Nova Team Meeting|1h 15m|Thu 22:00 BST|22:00|2015-08-13|#openstack-meeting|nova|https://wiki.openstack.org/wiki/Meetings/Nova\n');
  });

  it('leaves text around and between fields as written, and a field may repeat', () => {
    const run = radar(['next', ...THURSDAY, '--tz', 'Asia/Tokyo', '--format', '⏰ {time} ({title}) {time}'], { env: USER });
    expect(run.stdout).toBe('⏰ 06:00 (Nova Team Meeting) 06:00\n');
  });

  it('prints nothing when no meeting is ahead within --days', () => {
    const run = radar(['next', '-s', LIBERTY, '--now', '2015-08-18T12:00:00Z', '--days', '1', '-p', 'product-wg', '--format', '{title}'], { env: USER });
    expect([run.code, run.stdout]).toEqual([0, '']);
  });

  it.each([['{tilte}'], ['{title} in {minutes}'], ['{}'], ['{TITLE}']])('refuses the unknown field of %j: one line, exit 2, before reading any source', (template) => {
    const run = radar(['next', '-s', 'no-such-file.yaml', '--format', template], { env: USER });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^radar: --format: unknown field \{[^}]*\} \(fields: \{title\} \{in\} \{local\} \{time\} \{date\} \{where\} \{project\} \{url\}\)\n$/);
  });

  it('is refused on commands other than next', () => {
    const run = radar(['list', 'meetings', '--format', '{title}'], { env: USER });
    expect([run.code, run.stderr]).toEqual([2, 'radar: --format only applies to radar next\n']);
  });
});

describe('radar next in words', () => {
  it('names the date of a meeting more than six days away', () => {
    // Monday 17 August is skipped (ops summit travel): the next Product WG meeting is the 24th.
    const run = radar(['next', '-s', LIBERTY, '--now', '2015-08-17T12:00:00Z', '-p', 'product-wg', '--tz', 'Europe/London'], { env: USER });
    expect(run.stdout).toBe('Product WG meeting in 7d 7h — Mon 24 Aug 20:00 BST (19:00 UTC) #openstack-meeting\n');
  });

  it('says "the next day", not "the next 1 days"', () => {
    const run = radar(['next', '-s', LIBERTY, '--now', '2015-08-18T12:00:00Z', '--days', '1', '-p', 'product-wg'], { env: USER });
    expect(run.stdout).toBe('No meeting in the next day\n');
    expect(radar(['list', 'meetings', '-s', LIBERTY, '--now', '2015-08-18T12:00:00Z', '--days', '1', '-p', 'product-wg'], { env: USER }).stdout).toBe('No meetings in the next day.\n');
  });

  it.each([[[]], [['--json']], [['--format', '{title}']]])('with no source loaded prints nothing on standard output %j: the error goes to standard error, exit 3', (extra) => {
    const run = radar(['next', '-s', 'no-such-file.yaml', ...extra], { env: USER });
    expect(run.code).toBe(3);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('no-such-file.yaml: cannot read: no such file or folder\n');
  });

  it('with one source broken and another loaded, still prints the line, exit 1', () => {
    const run = radar(['next', ...THURSDAY, '-s', 'no-such-file.yaml'], { env: USER });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('Nova Team Meeting in 1h 15m — Thu 22:00 BST (21:00 UTC) #openstack-meeting\n');
    expect(json(radar(['next', ...THURSDAY, '--json'], { env: USER })).item.title).toBe('Nova Team Meeting');
  });
});
