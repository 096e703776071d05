// `radar presets [--json]`: every preset (shipped and configured) and the sources it reads.
import { loadConfig } from '../../config/config-store';
import { knownPresets, presetsJson, presetsText } from '../../load/presets';
import type { Io } from '../../context/context';
import { EXIT } from '../../context/exit-codes';

export function runPresets(json: boolean, io: Io): number {
  const loaded = loadConfig();
  if (loaded.problem !== null) io.stderr(`radar: ${loaded.problem}\n`);
  const configured = loaded.config.presets;
  const presets = knownPresets(configured);
  if (json) io.stdout(`${JSON.stringify(presetsJson(presets), null, 2)}\n`);
  else io.stdout(`${presetsText(presets, configured).join('\n')}\n`);
  return EXIT.ok;
}
