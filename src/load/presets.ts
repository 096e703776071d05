// Presets: `@openstack`, `@python`… stand for the sources a community publishes. They ship as
// data (data/presets.json, one file to correct) and the `presets` configuration key adds or
// overrides them. Expanding them is pure: the configuration comes in, specs go out.
import shippedPresets from '../../data/presets.json';
import { isPresetReference, sourceOfEntry, specOf, type SourceEntry, type SourceSpec } from './source-spec';

/**
 * Stands for the OpenStack series whose status is `development` in a series_status.yaml among
 * the same preset's sources, found when the sources load, so `@openstack` follows the cycles
 * without a new release of radar.
 */
export const DEVELOPMENT_SERIES = '{development-series}';

export type PresetMap = Readonly<Record<string, readonly SourceEntry[]>>;

export const SHIPPED_PRESETS: PresetMap = shippedPresets;

/** The shipped presets, with the configured ones added or put in their place. */
export function knownPresets(configured: PresetMap | undefined): PresetMap {
  return { ...SHIPPED_PRESETS, ...(configured ?? {}) };
}

export function presetNames(presets: PresetMap): string[] {
  return Object.keys(presets).sort();
}

export type Expanded = { ok: true; specs: SourceSpec[] } | { ok: false; error: string };

/**
 * Sources with every `@name` replaced by the preset's sources. An entry's own options (a
 * `{"source": "@openstack", "project": …}`) apply to each source of the preset.
 */
export function expandPresets(entries: readonly (SourceEntry | SourceSpec)[], presets: PresetMap): Expanded {
  const specs: SourceSpec[] = [];
  for (const entry of entries) {
    const spec = specOf(entry);
    if (!isPresetReference(spec.source)) {
      specs.push(spec);
      continue;
    }
    const name = spec.source.slice(1);
    const members = Object.hasOwn(presets, name) ? presets[name] : undefined;
    if (members === undefined) return { ok: false, error: unknownPresetMessage(spec.source, presets) };
    for (const member of members) {
      const memberSpec = specOf(member, name);
      specs.push({
        ...memberSpec,
        project: spec.project ?? memberSpec.project,
        zone: spec.zone ?? memberSpec.zone,
        name: spec.name ?? memberSpec.name,
      });
    }
  }
  return { ok: true, specs };
}

export function unknownPresetMessage(reference: string, presets: PresetMap): string {
  return `unknown preset ${JSON.stringify(reference)} (known: ${presetNames(presets)
    .map((name) => `@${name}`)
    .join(', ')}; see radar presets)`;
}

/** `radar presets --json`: each preset with the URLs (or paths) it reads. */
export function presetsJson(presets: PresetMap): { presets: Record<string, string[]> } {
  const out: Record<string, string[]> = {};
  for (const name of presetNames(presets)) out[name] = presets[name]!.map(sourceOfEntry);
  return { presets: out };
}

/** `radar presets`: one block per preset, the placeholder explained where it is used. */
export function presetsText(presets: PresetMap, configured: PresetMap | undefined): string[] {
  const lines: string[] = [];
  for (const name of presetNames(presets)) {
    const origin = configured !== undefined && Object.hasOwn(configured, name) ? (Object.hasOwn(SHIPPED_PRESETS, name) ? ' (configured, replaces the shipped one)' : ' (configured)') : '';
    lines.push(`@${name}${origin}`);
    for (const entry of presets[name]!) {
      const source = sourceOfEntry(entry);
      lines.push(`  ${source}`);
      if (source.includes(DEVELOPMENT_SERIES)) {
        lines.push(`    ${DEVELOPMENT_SERIES}: the series whose status is "development" in the preset's series_status.yaml, read when the sources load`);
      }
      // Only OpenStack's releases schedules have one (Kubernetes' schedule.yaml has none, and
      // none is asked for: the content decides); their layout is doc/source/<series>/.
      if (/\/doc\/source\/[^/]+\/schedule\.ya?ml$/.test(source)) {
        lines.push("    with the schedule.rst beside it, for the milestones' titles");
      }
    }
  }
  return lines;
}
