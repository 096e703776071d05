import { describe, expect, test } from 'vitest';
import { governanceProjectsAdapter, personOfLiaison } from '../../../src/load/adapters/governance-projects';
import { adaptFixture, errorsOf, readFixture, v1Problems } from './read-fixture';

const adapt = (subPath: string) => adaptFixture(subPath, governanceProjectsAdapter);
type Item = Record<string, any>;
const projectsOf = (output: { document: Record<string, unknown> }) => output.document.projects as Item[];
const project = (output: { document: Record<string, unknown> }, id: string) => projectsOf(output).find((item) => item.id === id);
const role = (output: { document: Record<string, unknown> }, id: string) => (output.document.roles as Item[] | undefined)?.find((item) => item.id === id);

/**
 * The spec's liaison gaps, over an adapted document: (project, role) where the role applies
 * to the project and the project names nobody for it.
 */
function liaisonGaps(document: Record<string, unknown>): string[] {
  const roles = (document.roles ?? []) as Item[];
  return (document.projects as Item[]).flatMap((team) =>
    roles
      .filter((each) => each.projects === undefined || each.projects.includes(team.id))
      .filter((each) => (team.liaisons?.[each.id] ?? []).length === 0)
      .map((each) => `${team.id}/${each.id}`),
  );
}

describe('governance projects.yaml', () => {
  const current = adapt('governance/reference/projects.yaml');

  test('every team of 2026 becomes a project, named as the file names it', () => {
    const teams = Object.keys(readFixture('governance/reference/projects.yaml').value as object);
    expect(projectsOf(current).map((item) => item.name)).toEqual(teams);
    expect(project(current, 'openstack-charms')).toMatchObject({ name: 'OpenStack Charms' });
    expect(project(current, 'quality-assurance')?.name).toBe('Quality Assurance');
    expect(project(current, 'nova')?.url).toBe('https://wiki.openstack.org/wiki/Nova');
  });

  test('liaisons are listed by role, each person as "Name (irc)"', () => {
    expect(project(current, 'barbican')?.liaisons).toEqual({
      release: ['Douglas Mendizábal (dmendiza[m])', 'Ade Lee (ade_lee)'],
      security: ['Mauricio Harley (mharley)'],
    });
    // Adjutant's security liaison has no IRC nick.
    expect(project(current, 'adjutant')?.liaisons).toEqual({ security: ['Adrian Jarvis'] });
  });

  test('the roles found become roles; the ones only distributed-leadership teams fill apply to those teams only', () => {
    expect((current.document.roles as Item[]).map((each) => each.id)).toEqual(['release', 'security', 'tact-sig', 'tc-liaison', 'events']);
    expect(role(current, 'release')).toEqual({ id: 'release', name: 'Release management' });
    expect(role(current, 'tact-sig')?.projects).toEqual(['freezer', 'ironic', 'oslo', 'release-management', 'requirements']);
    // events is optional in the governance schema: only Ironic names someone, and nobody else lacks one.
    expect(role(current, 'events')?.projects).toEqual(['ironic']);
  });

  test('mistral names a release liaison but nobody for security: a security gap, while nobody asks it for a TC liaison', () => {
    expect(project(current, 'mistral')?.liaisons).not.toHaveProperty('security');
    expect(role(current, 'security')).not.toHaveProperty('projects');
    const gaps = liaisonGaps(current.document);
    expect(gaps).toContain('mistral/security');
    expect(gaps).not.toContain('mistral/release');
    expect(gaps).not.toContain('mistral/tc-liaison');
    expect(gaps).not.toContain('ironic/events');
    expect(gaps).toContain('cloudkitty/release');
  });

  test('the Liberty-era file (2015: ptl as one string, no liaisons) adapts without errors, with no roles and so no gaps', () => {
    const liberty = adapt('governance/history/2015-09_cbf8586e/projects.yaml');
    expect(liberty.diagnostics).toEqual([]);
    expect(liberty.document.roles).toBeUndefined();
    expect(project(liberty, 'nova')).toEqual({ id: 'nova', name: 'nova', url: 'https://wiki.openstack.org/wiki/Nova' });
    expect(project(liberty, 'release-cycle-management')?.name).toBe('Release Cycle Management');
    expect(liaisonGaps(liberty.document)).toEqual([]);
  });

  test('the 2021 file lists TC members per team: a tc_members role, its people as written', () => {
    const xena = adapt('governance/history/2021-10-14_7718c031/projects.yaml');
    expect(errorsOf(xena)).toEqual([]);
    expect(role(xena, 'tc_members')).toEqual({ id: 'tc_members', name: 'TC members' });
    expect(project(xena, 'adjutant')?.liaisons).toEqual({ tc_members: ['gmann', 'belmoreira'] });
  });

  test.each(['governance/reference/projects.yaml', 'governance/history/2015-09_cbf8586e/projects.yaml', 'governance/history/2021-10-14_7718c031/projects.yaml'])(
    '%s adapts into a valid format v1 document without errors',
    (file) => {
      const output = adapt(file);
      expect(errorsOf(output)).toEqual([]);
      expect(v1Problems(output)).toEqual([]);
    },
  );

  test('a team that is not a mapping is one located error; the other teams still become projects', () => {
    const fixture = readFixture('governance/reference/projects.yaml');
    const file = structuredClone(fixture.value) as Record<string, any>;
    file.nova = ['not', 'a', 'team'];
    file.cinder.liaisons = 'Brian';
    const output = governanceProjectsAdapter.adapt({ value: file, filePath: fixture.filePath, readSibling: () => null, project: null, zone: null });
    expect(errorsOf(output).map((error) => error.path)).toEqual([['cinder', 'liaisons'], ['nova']]);
    expect(project(output, 'nova')).toBeUndefined();
    expect(project(output, 'glance')).toBeDefined();
    expect(v1Problems(output)).toEqual([]);
  });

  test('problems the v1 validation finds point back to the team in the file', () => {
    const fixture = readFixture('governance/reference/projects.yaml');
    const file = structuredClone(fixture.value) as Record<string, any>;
    file.nova.url = 42;
    const output = governanceProjectsAdapter.adapt({ value: file, filePath: fixture.filePath, readSibling: () => null, project: null, zone: null });
    expect(v1Problems(output)).toEqual([{ path: ['nova', 'url'], message: '42 is not a URL' }]);
  });

  test('a liaison is written "Name (irc)", or whichever of the two is known', () => {
    expect(personOfLiaison({ name: 'Ade Lee', irc: 'ade_lee', email: 'a@example.org' })).toBe('Ade Lee (ade_lee)');
    expect(personOfLiaison({ name: 'Adrian Jarvis', irc: null })).toBe('Adrian Jarvis');
    expect(personOfLiaison({ irc: 'gmann' })).toBe('gmann');
    expect(personOfLiaison('belmoreira')).toBe('belmoreira');
    expect(personOfLiaison({ email: 'nobody@example.org' })).toBeNull();
  });
});
