// OpenStack governance reference/projects.yaml (team name → {ptl, deliverables, liaisons, …})
// read as format v1 projects, their liaisons by role, and the roles found.
import { ID_PATTERN, slugify } from '../../model/slug';
import { dataRecord, ownValue } from '../../model/types';
import { startAdaptation, type Report } from './origin-map';
import { describeValue, isRecord } from './source-values';
import type { Adapter, AdapterInput, AdapterOutput, DocPath } from './types';

/**
 * Display names of the liaison roles the governance schema defines, in the order the
 * dashboard lists them. Roles not named here keep their id as name.
 */
const ROLE_NAMES: Record<string, string> = {
  release: 'Release management',
  security: 'Security',
  'tact-sig': 'TaCT SIG',
  'tc-liaison': 'TC liaison',
  tc_members: 'TC members',
  events: 'Events',
  project_update_onboarding: 'Project update and onboarding',
  meeting_facilitator: 'Meeting facilitator',
  bug_deputy: 'Bug deputy',
  rfp_coordinator: 'RFP coordinator',
};

/**
 * Roles the governance schema lets distributed-leadership teams add if they wish: a team that
 * does not list one has no gap, so each applies only to the teams that list it.
 */
const OPTIONAL_ROLES = new Set(['events', 'project_update_onboarding', 'meeting_facilitator', 'bug_deputy', 'rfp_coordinator']);

function isTeam(entry: unknown): boolean {
  return isRecord(entry) && 'deliverables' in entry && ('ptl' in entry || 'leadership_type' in entry || 'liaisons' in entry);
}

/** A top-level mapping of team name → {ptl, deliverables, …} (and not a format v1 document). */
export function isGovernanceProjects(value: unknown): boolean {
  if (!isRecord(value) || 'version' in value) return false;
  return Object.values(value).some(isTeam);
}

/** `{name: 'Ade Lee', irc: 'ade_lee', email: …}` → 'Ade Lee (ade_lee)'; a plain nick stays as it is. */
export function personOfLiaison(person: unknown): string | null {
  if (typeof person === 'string') return person.trim() === '' ? null : person.trim();
  if (!isRecord(person)) return null;
  const name = typeof person.name === 'string' ? person.name.trim() : '';
  const irc = typeof person.irc === 'string' ? person.irc.trim() : '';
  if (name !== '' && irc !== '') return `${name} (${irc})`;
  if (name !== '' || irc !== '') return name || irc;
  return null;
}

interface RoleFound {
  id: string;
  origin: DocPath;
  /** Ids of the teams that list the role. */
  teams: Set<string>;
}

export function adaptGovernanceProjects({ value }: AdapterInput): AdapterOutput {
  const { error, warning, origins, document, output } = startAdaptation();

  if (!isRecord(value)) {
    error([], `${describeValue(value)} is not a governance projects file (a mapping of team name to {ptl, deliverables, …})`);
    return output();
  }

  const projects: Record<string, unknown>[] = [];
  const roles = new Map<string, RoleFound>();
  const distributed = new Set<string>();
  const teamOfId = new Map<string, string>();

  for (const [team, entry] of Object.entries(value)) {
    const teamPath: DocPath = [team];
    if (!isRecord(entry)) {
      error(teamPath, `${describeValue(entry)} is not a team (a mapping with ptl, deliverables, liaisons …)`);
      continue;
    }
    const id = slugify(team);
    if (id === '') {
      error(teamPath, `the team name ${JSON.stringify(team)} gives no project id (it needs a letter or digit)`);
      continue;
    }
    const earlier = teamOfId.get(id);
    if (earlier !== undefined) {
      warning(teamPath, `gives the same project id ${JSON.stringify(id)} as the team ${JSON.stringify(earlier)}; it is left out`);
      continue;
    }
    teamOfId.set(id, team);

    const index = projects.length;
    const projectPath: DocPath = ['projects', index];
    origins.link(projectPath, teamPath);
    const project: Record<string, unknown> = { id, name: team };
    if (entry.url !== undefined && entry.url !== null) {
      project.url = entry.url;
      origins.link([...projectPath, 'url'], [...teamPath, 'url']);
    }
    if (entry.leadership_type === 'distributed') distributed.add(id);

    const liaisons = entry.liaisons;
    if (isRecord(liaisons)) {
      const byRole = dataRecord<string[]>();
      origins.link([...projectPath, 'liaisons'], [...teamPath, 'liaisons']);
      for (const [roleKey, persons] of Object.entries(liaisons)) {
        const rolePath: DocPath = [...teamPath, 'liaisons', roleKey];
        const role = ID_PATTERN.test(roleKey) ? roleKey : slugify(roleKey);
        if (role === '') {
          error([...teamPath, 'liaisons'], `the role ${JSON.stringify(roleKey)} gives no role id (it needs a letter or digit)`);
          continue;
        }
        byRole[role] = personsOfRole(persons, rolePath, error, warning);
        origins.link([...projectPath, 'liaisons', role], rolePath);
        const found = roles.get(role) ?? { id: role, origin: rolePath, teams: new Set<string>() };
        found.teams.add(id);
        roles.set(role, found);
      }
      project.liaisons = byRole;
    } else if (liaisons !== undefined && liaisons !== null) {
      error([...teamPath, 'liaisons'], `${describeValue(liaisons)} is not a mapping of role to liaisons (release: […], security: […])`);
    }
    projects.push(project);
  }

  const roleList = orderRoles([...roles.values()]).map((role, index) => {
    origins.link(['roles', index], role.origin);
    const entry: Record<string, unknown> = { id: role.id };
    const known = ownValue(ROLE_NAMES, role.id);
    if (known !== undefined) entry.name = known;
    // The governance schema asks distributed-leadership teams for roles (tact-sig,
    // tc-liaison) that PTL-led teams do not have: a role only distributed teams fill applies
    // to those teams, or every PTL-led team would show as a gap.
    const onlyDistributed = [...role.teams].every((team) => distributed.has(team));
    if (OPTIONAL_ROLES.has(role.id)) {
      entry.projects = [...role.teams];
    } else if (onlyDistributed && projects.some((project) => !distributed.has(String(project.id)))) {
      entry.projects = projects.map((project) => String(project.id)).filter((team) => distributed.has(team));
    }
    return entry;
  });

  if (roleList.length > 0) document.roles = roleList;
  if (projects.length > 0) document.projects = projects;
  return output();
}

function orderRoles(roles: RoleFound[]): RoleFound[] {
  const known = Object.keys(ROLE_NAMES);
  const rank = (role: RoleFound) => {
    const position = known.indexOf(role.id);
    return position === -1 ? known.length : position;
  };
  // Array.prototype.sort is stable: roles the table does not know keep the file's order.
  return [...roles].sort((a, b) => rank(a) - rank(b));
}

function personsOfRole(written: unknown, path: DocPath, error: Report, warning: Report): string[] {
  if (written === undefined || written === null) return [];
  const list = Array.isArray(written) ? written : [written];
  if (!Array.isArray(written) && !isRecord(written) && typeof written !== 'string') {
    error(path, `${describeValue(written)} is not a list of liaisons ({name, irc, email} or a name)`);
    return [];
  }
  return list.flatMap((person, index) => {
    const text = personOfLiaison(person);
    if (text !== null) return [text];
    // An entry without name or irc is nobody: the role counts as unfilled, as the spec's gaps want.
    if (!isRecord(person)) {
      warning(Array.isArray(written) ? [...path, index] : path, `${describeValue(person)} is not a liaison ({name, irc, email} or a name); it is left out`);
    }
    return [];
  });
}

export const governanceProjectsAdapter: Adapter = {
  name: 'governance projects',
  matches: isGovernanceProjects,
  adapt: adaptGovernanceProjects,
};
