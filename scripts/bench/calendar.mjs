// The iCalendar import's cost: one seeded schedule of 5,000 recurring meetings in 20 zones,
// with skipped, cancelled and moved occurrences, written twice (as an iCalendar file with
// RRULE, EXDATE and RECURRENCE-ID, and as format v1 JSON with slots and skips), and
// `radar list meetings --json` timed on each, warm (the parsed-file cache already holds both),
// interleaved. Prints numbers; never a test. Run alone with `node scripts/bench/calendar.mjs`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './measure.mjs';

const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Berlin',
  'Europe/Helsinki',
  'Europe/Moscow',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Pacific/Auckland',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'America/St_Johns',
];
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const ICAL_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR'];
const DAY_MS = 86_400_000;

function random(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

const isoDate = (ms) => new Date(ms).toISOString().slice(0, 10);
const compact = (date) => date.replaceAll('-', '');
/** The first date on or after `date` that falls on ISO weekday `weekday` (1 = Monday). */
function onOrAfter(date, weekday) {
  const ms = Date.parse(`${date}T00:00:00Z`);
  const current = ((new Date(ms).getUTCDay() + 6) % 7) + 1;
  return isoDate(ms + ((weekday - current + 7) % 7) * DAY_MS);
}

/** The same schedule as iCalendar text and as a format v1 document. */
export function generateCalendarPair({ events = 5000, seed = 10, near = '2026-12-01' } = {}) {
  const next = random(seed);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//release-radar//bench//EN', 'X-WR-CALNAME:Bench calendar'];
  const meetings = [];
  for (let index = 0; index < events; index += 1) {
    const zone = ZONES[index % ZONES.length];
    const weekday = 1 + Math.floor(next() * 5);
    const hour = String(7 + Math.floor(next() * 12)).padStart(2, '0');
    const time = `${hour}:${next() < 0.5 ? '00' : '30'}`;
    const start = onOrAfter(isoDate(Date.UTC(2008, 0, 1) + Math.floor(next() * 18 * 365) * DAY_MS), weekday);
    const kind = index % 5;
    const uid = `bench-${index}@release-radar`;
    const event = ['BEGIN:VEVENT', `UID:${uid}`, `SUMMARY:Meeting ${index}`, `LOCATION:#channel-${index % 97}`, `DTSTART;TZID=${zone}:${compact(start)}T${time.replace(':', '')}00`, 'DURATION:PT1H'];
    const slot = { day: DAYS[weekday - 1], time, start };
    const extraSlots = [];
    if (kind === 0 || kind === 3) {
      event.push(`RRULE:FREQ=WEEKLY;BYDAY=${ICAL_DAYS[weekday - 1]}${kind === 3 ? ';UNTIL=20270630T235959Z' : ''}`);
      Object.assign(slot, { frequency: 'weekly', ...(kind === 3 ? { until: '2027-06-30' } : {}) });
      // Exceptions near the window in view: two skipped weeks, a cancelled one, a moved one.
      const first = onOrAfter(near, weekday);
      const third = isoDate(Date.parse(`${first}T00:00:00Z`) + 14 * DAY_MS);
      slot.skip = [{ date: first, reason: 'holiday' }];
      event.push(`EXDATE;TZID=${zone}:${compact(first)}T${time.replace(':', '')}00`);
      if (index % 3 === 0) {
        slot.skip.push({ date: third, reason: 'cancelled' });
        lines.push(...event, 'END:VEVENT');
        event.length = 0;
        event.push(
          'BEGIN:VEVENT',
          `UID:${uid}`,
          `RECURRENCE-ID;TZID=${zone}:${compact(third)}T${time.replace(':', '')}00`,
          'STATUS:CANCELLED',
          `DTSTART;TZID=${zone}:${compact(third)}T${time.replace(':', '')}00`,
        );
      } else if (index % 3 === 1) {
        const later = `${String(Number(hour) + 1).padStart(2, '0')}${time.slice(3)}`;
        slot.skip.push({ date: third, reason: 'moved' });
        extraSlots.push({ date: third, time: `${later.slice(0, 2)}:${later.slice(2)}`, frequency: 'once' });
        lines.push(...event, 'END:VEVENT');
        event.length = 0;
        event.push('BEGIN:VEVENT', `UID:${uid}`, `RECURRENCE-ID;TZID=${zone}:${compact(third)}T${time.replace(':', '')}00`, `DTSTART;TZID=${zone}:${compact(third)}T${later}00`, 'DURATION:PT1H');
      }
    } else if (kind === 1) {
      event.push(`RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=${ICAL_DAYS[weekday - 1]}`);
      Object.assign(slot, { frequency: 'biweekly' });
    } else if (kind === 2) {
      const week = 1 + Math.floor(next() * 4);
      event.push(`RRULE:FREQ=MONTHLY;BYDAY=${week}${ICAL_DAYS[weekday - 1]}`);
      Object.assign(slot, { frequency: 'monthly', week });
    } else {
      event.push(`RRULE:FREQ=MONTHLY;BYDAY=1${ICAL_DAYS[weekday - 1]}`);
      Object.assign(slot, { frequency: `first-${DAYS[weekday - 1]}` });
      delete slot.day;
    }
    lines.push(...event, 'END:VEVENT');
    meetings.push({ id: `bench-${index}-release-radar`, title: `Meeting ${index}`, zone, duration: 60, where: `#channel-${index % 97}`, slots: [slot, ...extraSlots] });
  }
  lines.push('END:VCALENDAR', '');
  return { ics: lines.join('\r\n'), v1: `${JSON.stringify({ version: 1, name: 'Bench calendar', meetings })}\n` };
}

function timeRun(radar, args, env) {
  const started = performance.now();
  const run = spawnSync(process.execPath, [radar, ...args], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`radar ${args.join(' ')} exited ${run.status}: ${run.stderr.split('\n')[0]}`);
  return { ms, items: JSON.parse(run.stdout).items.length };
}

/** Warm `list meetings --json` medians for the two files, and their ratio. */
export function benchCalendar({ radar, runs = 7, now = '2026-11-25T12:00:00Z', progress = () => {} }) {
  const folder = mkdtempSync(join(tmpdir(), 'radar-bench-calendar-'));
  try {
    const { ics, v1 } = generateCalendarPair();
    const icsPath = join(folder, 'bench.ics');
    const v1Path = join(folder, 'bench.json');
    writeFileSync(icsPath, ics);
    writeFileSync(v1Path, v1);
    const home = join(folder, 'home');
    mkdirSync(home);
    const env = { PATH: process.env.PATH, HOME: home, RADAR_CONFIG_DIR: join(home, 'config'), RADAR_CACHE_DIR: join(home, 'cache'), TZ: 'UTC' };
    const args = (path) => ['list', 'meetings', '--json', '-s', path, '--now', now, '--tz', 'UTC'];
    // Cold once each: parses and fills the parsed-file cache.
    const cold = { ics: timeRun(radar, args(icsPath), env), v1: timeRun(radar, args(v1Path), env) };
    const warm = { ics: [], v1: [] };
    for (let round = 0; round < runs; round += 1) {
      progress(`calendar bench: round ${round + 1}/${runs}`);
      warm.v1.push(timeRun(radar, args(v1Path), env));
      warm.ics.push(timeRun(radar, args(icsPath), env));
    }
    const icsMedian = median(warm.ics.map((run) => run.ms));
    const v1Median = median(warm.v1.map((run) => run.ms));
    return {
      events: 5000,
      bytes: { ics: Buffer.byteLength(ics), v1: Buffer.byteLength(v1) },
      items: { ics: warm.ics[0].items, v1: warm.v1[0].items },
      cold: { ics: cold.ics.ms, v1: cold.v1.ms },
      warm: { ics: icsMedian, v1: v1Median },
      ratio: icsMedian / v1Median,
    };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export function calendarReport(result) {
  const ms = (value) => `${Math.round(value)} ms`;
  return [
    `iCalendar import: ${result.events} recurring events in 20 zones with skipped, cancelled and moved occurrences (${Math.round(result.bytes.ics / 1024)} KiB), against the same schedule as format v1 JSON (${Math.round(result.bytes.v1 / 1024)} KiB)`,
    `  radar list meetings --json (14 days, ${result.items.ics} occurrences from the calendar, ${result.items.v1} from v1):`,
    `  warm (parsed-file cache hit), median: calendar ${ms(result.warm.ics)}, v1 ${ms(result.warm.v1)}: ${result.ratio.toFixed(2)}× (target ≤ 1.5×: ${result.ratio <= 1.5 ? 'met' : 'NOT met'})`,
    `  cold (first parse), one run: calendar ${ms(result.cold.ics)}, v1 ${ms(result.cold.v1)}`,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const radar = process.env.BENCH_RADAR ? resolve(process.env.BENCH_RADAR) : fileURLToPath(new URL('../../dist/radar.js', import.meta.url));
  const runs = Number(process.env.BENCH_RUNS || 7);
  process.stdout.write(`${calendarReport(benchCalendar({ radar, runs, progress: (text) => process.stderr.write(`\r${text}`) }))}\n`);
}
