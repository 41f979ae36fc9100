import { extname, resolve } from 'node:path';
import type { Blueprint } from '../blueprint/blueprint';
import { loadBlueprintFile, loadBlueprints } from '../blueprint/load';
import { UserError } from '../core/errors';
import type { Io } from './io';

/**
 * The blueprint a command names: a blueprint file, a blueprint name, or the name
 * of its node pool (`hms-sys status dcaa-secure`, as the seed says it).
 */
export function blueprintArgument(command: string, argument: string, folder: string, io: Io): Blueprint {
  if (['.yml', '.yaml'].includes(extname(argument))) return loadBlueprintFile(resolve(io.cwd, argument), argument);
  const all = loadBlueprints([folder], io.cwd);
  const byName = all.find((b) => b.name === argument);
  if (byName) return byName;
  const byPool = all.filter((b) => b.nodePool.name === argument);
  if (byPool.length === 1) return byPool[0];
  if (byPool.length > 1) {
    throw new UserError(`hms-sys ${command}: node pool ${argument} is in ${byPool.length} blueprints (${byPool.map((b) => b.name).join(', ')}); name the blueprint instead`);
  }
  const known = all.map((b) => `${b.name} (node pool ${b.nodePool.name})`).join(', ');
  throw new UserError(`hms-sys ${command}: no blueprint or node pool named ${argument}; blueprints: ${known || `none in ${folder}/`}`);
}
