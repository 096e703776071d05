// The bench's large schedule: format v1, generated from a fixed seed so everyone who runs
// `npm run bench` measures the same document. At scale 1 it holds 1,000 projects (liaisons for
// 6 roles, some missing), 3,000 meetings over 6 zones and 5 kinds of frequency, 5,000
// milestones and 2,000 priorities; scale k multiplies every count by k with ids kept unique.
//
//   node scripts/bench/generate-schedule.mjs [--scale 4] [--seed 6] [--format yaml|json] [--out file]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

export const DEFAULT_SEED = 6;

export const COUNTS_AT_SCALE_1 = { projects: 1000, meetings: 3000, milestones: 5000, priorities: 2000 };

export const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Kathmandu'];

/** Five kinds of frequency; "weekly" is sometimes every second week from a start date. */
export const FREQUENCY_KINDS = ['weekly', 'biweekly-odd', 'biweekly-even', 'quadweekly', 'first-day'];

export const ROLES = [
  { id: 'release', name: 'Release liaison' },
  { id: 'qa', name: 'QA liaison' },
  { id: 'docs', name: 'Documentation liaison' },
  { id: 'stable', name: 'Stable branch liaison' },
  { id: 'vmt', name: 'Vulnerability management' },
  { id: 'product-wg', name: 'Product WG' },
];

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const MILESTONE_KINDS = ['milestone', 'freeze', 'release', 'deadline', 'summit', 'event'];
const STATUSES = ['proposed', 'no-plan', 'planned', 'in-progress', 'blocked', 'done', 'dropped'];
const CYCLES = [
  { id: '2025.2', name: '2025.2 Flamingo', start: '2025-04-07', release: '2025-10-01' },
  { id: '2026.1', name: '2026.1 Gazpacho', start: '2025-10-06', release: '2026-04-01' },
  { id: '2026.2', name: '2026.2 Hibiscus', start: '2026-04-06', release: '2026-09-30' },
  { id: '2027.1', name: '2027.1 Indri', start: '2026-10-05', release: '2027-03-24' },
  { id: '2027.2', name: '2027.2 Jacaranda', start: '2027-04-05', release: '2027-09-29' },
];
const SYLLABLES = ['an', 'bel', 'cor', 'dra', 'el', 'fen', 'gal', 'hor', 'is', 'jun', 'kel', 'lor', 'mor', 'nix', 'or', 'pel', 'quar', 'ris', 'sol', 'tan', 'ul', 'vor', 'wen', 'xan', 'yor', 'zel'];
const FIRST_NAMES = [
  'Ada',
  'Bruno',
  'Chen',
  'Dmitri',
  'Elif',
  'Fatima',
  'Goran',
  'Hiro',
  'Ines',
  'Jonas',
  'Kavya',
  'Lars',
  'Mei',
  'Nadia',
  'Omar',
  'Priya',
  'Quentin',
  'Rosa',
  'Sanjay',
  'Tomasz',
  'Uma',
  'Viktor',
  'Wen',
  'Yusuf',
  'Zofia',
];
const LAST_NAMES = [
  'Almeida',
  'Bauer',
  'Castro',
  'Dubois',
  'Eriksen',
  'Fujita',
  'Gupta',
  'Haddad',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Usman',
  'Varga',
  'Weber',
  'Xu',
  'Yilmaz',
  'Zhang',
];
const TOPICS = [
  'upgrade testing',
  'API microversions',
  'quota rework',
  'policy defaults',
  'unified limits',
  'Python 3.13 support',
  'SQLAlchemy 2.0',
  'eventlet removal',
  'FIPS compliance',
  'IPv6 everywhere',
  'secure RBAC',
  'live migration',
  'bug backlog',
  'docs overhaul',
  'stable branch cleanup',
];

/** mulberry32: tiny, fast, and the same numbers on every machine for the same seed. */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickers(random) {
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const pick = (list) => list[Math.floor(random() * list.length)];
  const chance = (p) => random() < p;
  return { int, pick, chance };
}

const DAY_MS = 86_400_000;
const civil = (ms) => new Date(ms).toISOString().slice(0, 10);
const civilToMs = (date) => Date.parse(`${date}T00:00:00Z`);
const pad = (n, width) => String(n).padStart(width, '0');
/** 0 = monday … 6 = sunday, of a civil date. */
const weekdayIndex = (date) => (new Date(civilToMs(date)).getUTCDay() + 6) % 7;

/**
 * The schedule at `scale`, as a plain format-v1 document, plus facts the bench uses to check
 * what it measured (e.g. how many liaison gaps the dashboard must show).
 */
export function generateSchedule({ scale = 1, seed = DEFAULT_SEED } = {}) {
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a whole number ≥ 1, not ${scale}`);
  const random = mulberry32(seed * 7919 + scale);
  const { int, pick, chance } = pickers(random);
  const counts = Object.fromEntries(Object.entries(COUNTS_AT_SCALE_1).map(([key, n]) => [key, n * scale]));

  const person = () => {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    return `${first} ${last} (${(first[0] + last).toLowerCase()}${int(0, 99)})`;
  };
  const word = () => {
    const text = Array.from({ length: int(2, 3) }, () => pick(SYLLABLES)).join('');
    return text[0].toUpperCase() + text.slice(1);
  };

  const projects = [];
  let gaps = 0;
  // vmt applies only to every third project: exercises a role's `projects` list at scale.
  const vmtProjects = [];
  for (let index = 0; index < counts.projects; index += 1) {
    const name = `${word()} ${pad(index + 1, 5)}`;
    const id = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const project = { id, name };
    if (chance(0.5)) project.url = `https://opendev.org/openstack/${id}`;
    if (index % 3 === 0) vmtProjects.push(id);
    const liaisons = {};
    for (const role of ROLES) {
      const applies = role.id !== 'vmt' || index % 3 === 0;
      const roll = random();
      if (roll < 0.8) liaisons[role.id] = chance(0.7) ? person() : [person(), person()];
      else if (roll < 0.86) liaisons[role.id] = 'TBD';
      else if (roll < 0.92) liaisons[role.id] = [];
      // else: no entry at all
      if (applies && roll >= 0.8) gaps += 1;
    }
    project.liaisons = liaisons;
    projects.push(project);
  }

  // Milestones and meetings live around the bench's fixed "now" (2026-11-25) so the panes fill.
  const firstDay = civilToMs('2026-06-01');
  const spanDays = 480;
  const milestones = [];
  for (let index = 0; index < counts.milestones; index += 1) {
    const start = civil(firstDay + int(0, spanDays) * DAY_MS);
    const kind = pick(MILESTONE_KINDS);
    const milestone = { id: `m-${pad(index + 1, 6)}`, title: `${word()} ${kind} ${index + 1}` };
    const shape = random();
    if (shape < 0.45) milestone.date = start;
    else if (shape < 0.8) {
      milestone.date = start;
      milestone.end = civil(civilToMs(start) + int(1, 6) * DAY_MS);
    } else milestone.at = `${start}T${pad(int(0, 23), 2)}:${pick(['00', '30'])}${chance(0.5) ? 'Z' : ''}`;
    milestone.kind = kind;
    const cycle = CYCLES.find((c) => start <= c.release && (c.start === undefined || start >= c.start));
    if (cycle !== undefined && chance(0.8)) milestone.cycle = cycle.id;
    const owner = random();
    if (owner < 0.6) milestone.project = pick(projects).id;
    else if (owner < 0.7) milestone.project = [pick(projects).id, pick(projects).id].filter((id, i, all) => all.indexOf(id) === i);
    if (chance(0.3)) milestone.url = `https://releases.openstack.org/bench/${milestone.id}.html`;
    if (chance(0.2)) milestone.notes = `Generated milestone for ${pick(TOPICS)}; nothing real happens on this day.`;
    milestones.push(milestone);
  }

  const meetings = [];
  const frequencyCount = Object.fromEntries(FREQUENCY_KINDS.map((kind) => [kind, 0]));
  const zoneCount = Object.fromEntries(ZONES.map((zone) => [zone, 0]));
  for (let index = 0; index < counts.meetings; index += 1) {
    const zone = ZONES[index % ZONES.length];
    zoneCount[zone] += 1;
    const project = chance(0.85) ? pick(projects) : null;
    const meeting = {
      id: `meet-${pad(index + 1, 6)}`,
      title: project === null ? `${word()} SIG meeting ${index + 1}` : `${project.name} team meeting`,
    };
    if (project !== null) meeting.project = project.id;
    meeting.zone = zone;
    if (chance(0.5)) meeting.duration = pick([30, 45, 60, 90]);
    meeting.where = chance(0.8) ? `#openstack-meeting-${int(1, 5)}` : `https://meet.example.org/${meeting.id}`;
    if (chance(0.7)) meeting.chair = person();
    if (chance(0.3)) meeting.agenda = `https://wiki.example.org/Meetings/${meeting.id}`;
    // Alternating meetings have two slots with complementary parities, as in irc-meetings.
    const alternating = chance(0.2);
    const kind = alternating ? 'biweekly-odd' : FREQUENCY_KINDS[(index * 7 + int(0, 4)) % FREQUENCY_KINDS.length];
    const slots = [slot(kind)];
    if (alternating) slots.push(slot('biweekly-even'));
    meeting.slots = slots;
    meetings.push(meeting);
  }

  function slot(kind) {
    frequencyCount[kind] += 1;
    const day = pick(DAYS);
    const result = {};
    if (kind === 'first-day') {
      result.time = `${pad(int(0, 23), 2)}:${pick(['00', '30', '45'])}`;
      result.frequency = `first-${day}`;
    } else {
      result.day = day;
      result.time = `${pad(int(0, 23), 2)}:${pick(['00', '30', '45'])}`;
      if (kind !== 'weekly') result.frequency = kind;
    }
    const startMs = civilToMs('2024-01-01') + int(0, 900) * DAY_MS;
    if (kind === 'weekly' && chance(0.35)) {
      result.interval = 2;
      result.start = civil(startMs);
    } else if (chance(0.5)) result.start = civil(startMs);
    if (chance(0.05)) {
      // Some meetings have ended or will end; never before they start.
      const from = Math.max(civilToMs('2026-06-01'), result.start === undefined ? 0 : civilToMs(result.start));
      result.until = civil(from + int(0, 400) * DAY_MS);
    }
    if (kind === 'weekly' && result.interval === undefined && chance(0.2)) {
      // Skip dates that really are occurrences (anything else is a warning): the slot's
      // weekday, after its start.
      const from = Math.max(civilToMs('2026-11-01'), result.start === undefined ? 0 : civilToMs(result.start));
      const shift = (DAYS.indexOf(day) - weekdayIndex(civil(from)) + 7) % 7;
      const first = from + shift * DAY_MS;
      const skipOne = civil(first + int(0, 8) * 7 * DAY_MS);
      if (result.until === undefined || skipOne <= result.until) {
        result.skip = chance(0.5) ? [skipOne] : [{ date: skipOne, reason: pick(['summit travel', 'holiday', 'PTG week']) }];
      }
    }
    return result;
  }

  const priorities = [];
  for (let index = 0; index < counts.priorities; index += 1) {
    const topic = pick(TOPICS);
    const priority = { id: `prio-${pad(index + 1, 6)}`, title: `${topic[0].toUpperCase()}${topic.slice(1)} ${index + 1}` };
    if (chance(0.8)) priority.project = pick(projects).id;
    if (chance(0.7)) priority.cycle = pick(CYCLES).id;
    priority.status = pick(STATUSES);
    const owner = random();
    if (owner < 0.6) priority.owner = person();
    else if (owner < 0.75) priority.owner = [person(), person()];
    if (chance(0.6)) priority.rank = int(1, 5000 * scale);
    if (chance(0.4)) priority.url = `https://specs.example.org/${priority.id}`;
    priorities.push(priority);
  }

  const roles = ROLES.map((role) => (role.id === 'vmt' ? { ...role, projects: vmtProjects } : { ...role }));
  const document = {
    version: 1,
    name: `Bench schedule ×${scale} (seed ${seed})`,
    zone: 'UTC',
    roles,
    projects,
    cycles: CYCLES,
    milestones,
    meetings,
    priorities,
  };
  return { document, facts: { scale, seed, counts, gaps, frequencies: frequencyCount, zones: zoneCount } };
}

/** The document as text: YAML the way people write it (flow style for short items), or JSON. */
export function renderSchedule(document, format) {
  if (format === 'json') return `${JSON.stringify(document, null, 1)}\n`;
  const header = '# Generated by scripts/bench/generate-schedule.mjs: a made-up schedule for the bench.\n';
  return header + stringify(document, { lineWidth: 0, flowCollectionPadding: false });
}

const generatorHash = () =>
  createHash('sha256')
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 10);

/**
 * Writes (or reuses) the schedule file for `scale` in `dir`; a file is reused only when it came
 * from this very generator, so an edited generator never measures a stale schedule.
 */
export function ensureScheduleFile({ dir, scale = 1, seed = DEFAULT_SEED, format = 'yaml' }) {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, `schedule-x${scale}-seed${seed}-${generatorHash()}`);
  const path = `${base}.${format}`;
  const factsPath = `${base}.facts.json`;
  if (existsSync(path) && existsSync(factsPath)) return { path, facts: JSON.parse(readFileSync(factsPath, 'utf8')) };
  // Files of an earlier generator are dead weight (a ×16 file is ~40 MB).
  const stale = `schedule-x${scale}-seed${seed}-`;
  for (const name of readdirSync(dir)) if (name.startsWith(stale)) rmSync(join(dir, name), { force: true });
  const { document, facts } = generateSchedule({ scale, seed });
  writeFileSync(`${path}.tmp`, renderSchedule(document, format));
  renameSync(`${path}.tmp`, path);
  writeFileSync(factsPath, `${JSON.stringify(facts, null, 2)}\n`);
  return { path, facts };
}

function parseCliArgs(argv) {
  const options = { scale: 1, seed: DEFAULT_SEED, format: 'yaml', out: null };
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--scale') options.scale = Number(value);
    else if (flag === '--seed') options.seed = Number(value);
    else if (flag === '--format') options.format = value;
    else if (flag === '--out') options.out = value;
    else throw new Error(`unknown option ${flag}`);
    i += 1;
  }
  if (!['yaml', 'json'].includes(options.format)) throw new Error(`--format is yaml or json, not ${options.format}`);
  return options;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parseCliArgs(process.argv.slice(2));
    const { document, facts } = generateSchedule(options);
    const text = renderSchedule(document, options.format);
    if (options.out === null) process.stdout.write(text);
    else {
      mkdirSync(dirname(resolve(options.out)), { recursive: true });
      writeFileSync(options.out, text);
      process.stderr.write(`${options.out}: ${JSON.stringify(facts)}\n`);
    }
  } catch (error) {
    process.stderr.write(`generate-schedule: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}
