/**
 * One way to name things, for plan, apply, drift, status and verify: a blueprint
 * name selects all its stacks, a stack name selects that stack, a blueprint file
 * selects the stacks of the blueprint in it. An unknown name is refused (exit 1)
 * with the names there are and the nearest one.
 */
import { extname, resolve } from 'node:path';
import { closest, distance } from 'fastest-levenshtein';
import type { Blueprint } from '../blueprint/blueprint';
import { loadBlueprintFile, loadBlueprints } from '../blueprint/load';
import type { Cloud } from '../core/defaults';
import { UserError } from '../core/errors';
import { cloudStackName, kubernetesStackName, stateBucketStackName, workspacesStackName } from '../core/stack-names';
import type { Io } from './io';

/** A stack hms-sys builds, named as stacks/app.ts names it (lib/core/stack-names.ts). */
export interface CatalogEntry {
  readonly stackName: string;
  /** The blueprint the stack builds; empty for a stack shared by blueprints (state bucket, workspaces). */
  readonly blueprint: string;
  /** The cloud of a blueprint's stack; undefined for a shared stack. */
  readonly cloud?: Cloud;
  /** The blueprints that use the stack: its own, or every blueprint sharing it. */
  readonly usedBy: readonly string[];
}

/**
 * The stacks of these blueprints in the order stacks/app.ts adds them: each
 * blueprint's cloud and Kubernetes stacks, then the Terraform Cloud workspaces
 * stacks, then the S3 state-bucket stacks (test/cli/stack-selection.test.ts
 * compares it with what synthesis builds).
 */
export function stackCatalog(blueprints: readonly Blueprint[]): CatalogEntry[] {
  const own = blueprints.flatMap((bp) =>
    bp.clouds.flatMap((cloud) => [cloudStackName(bp.name, cloud), kubernetesStackName(bp.name, cloud)].map((stackName) => ({ stackName, blueprint: bp.name, cloud, usedBy: [bp.name] }))),
  );
  const shared = (nameOf: (bp: Blueprint) => string | undefined): CatalogEntry[] => {
    const users = new Map<string, string[]>();
    for (const bp of blueprints) {
      const name = nameOf(bp);
      if (name) users.set(name, [...(users.get(name) ?? []), bp.name]);
    }
    return [...users].map(([stackName, usedBy]) => ({ stackName, blueprint: '', usedBy }));
  };
  return [
    ...own,
    ...shared((bp) => bp.terraformCloud && workspacesStackName(bp.terraformCloud.organization)),
    ...shared((bp) => bp.stateBucket && stateBucketStackName(bp.stateBucket.bucket)),
  ];
}

export interface Selection {
  /** Every blueprint of the run: the folder's, a named file replacing the folder's blueprint of the same name. */
  readonly blueprints: readonly Blueprint[];
  /** The selected stacks, in the order they are built (and applied); every stack when no name is given. */
  readonly stacks: readonly CatalogEntry[];
  /** The blueprints the names select: named, named by file, or owning (or sharing) a named stack. */
  readonly named: readonly Blueprint[];
}

const isBlueprintFile = (name: string) => ['.yml', '.yaml'].includes(extname(name));

export interface SelectOptions {
  /** The blueprints folder (`--blueprints`). */
  readonly folder: string;
  /**
   * True when the command acts on named blueprint files alone (status, verify); plan,
   * apply and drift synthesize the whole folder with them, so that cdktf.out stays whole.
   * @default false
   */
  readonly filesAlone?: boolean;
  /**
   * Tried for a name that is neither a blueprint nor a stack (status and verify take a node pool name too).
   * @default - none
   */
  readonly extra?: { readonly what: string; readonly find: (name: string, blueprints: readonly Blueprint[]) => Blueprint | undefined };
}

/**
 * Reads the blueprints of the folder plus any blueprint file among `names`, and
 * selects the stacks the names give.
 */
export function selectByName(command: string, names: readonly string[], io: Io, options: SelectOptions): Selection {
  const { folder, extra } = options;
  const files = names.filter(isBlueprintFile).map((n) => loadBlueprintFile(resolve(io.cwd, n), n));
  const folderBlueprints = options.filesAlone && files.length > 0 && files.length === names.length ? [] : loadBlueprints([folder], io.cwd);
  const blueprints = [...folderBlueprints.filter((b) => !files.some((f) => f.name === b.name)), ...files];
  const catalog = stackCatalog(blueprints);
  if (names.length === 0) return { blueprints, stacks: catalog, named: blueprints };

  const chosen = new Set<string>();
  const named = new Set<string>();
  const unknown: string[] = [];
  for (const name of names) {
    const blueprint = isBlueprintFile(name) ? files.find((f) => f.sourceFile === name) : blueprints.find((b) => b.name === name);
    const stack = catalog.find((s) => s.stackName === name);
    const other = !blueprint && !stack ? extra?.find(name, blueprints) : undefined;
    const selected = blueprint ?? other;
    if (selected) {
      named.add(selected.name);
      catalog.filter((s) => s.blueprint === selected.name).forEach((s) => chosen.add(s.stackName));
    } else if (stack) {
      stack.usedBy.forEach((b) => named.add(b));
      chosen.add(stack.stackName);
    } else {
      unknown.push(name);
    }
  }
  if (unknown.length > 0) throw unknownNames(command, unknown, blueprints, catalog, folder, extra?.what);
  return { blueprints, stacks: catalog.filter((s) => chosen.has(s.stackName)), named: blueprints.filter((b) => named.has(b.name)) };
}

/** Refuses names that are neither a blueprint nor a stack: lists what there is, and the nearest name. */
function unknownNames(command: string, unknown: readonly string[], blueprints: readonly Blueprint[], catalog: readonly CatalogEntry[], folder: string, extraWhat?: string): UserError {
  const candidates = [...blueprints.map((b) => b.name), ...catalog.map((s) => s.stackName)];
  const hints = unknown.map((name) => {
    const near = candidates.length > 0 ? closest(name, candidates) : undefined;
    // A suggestion only when it is plausibly a typo: at most a third of the name differs.
    const plausible = near !== undefined && distance(name, near) <= Math.max(2, Math.floor(name.length / 3));
    return `${JSON.stringify(name)}${plausible ? ` (did you mean ${near}?)` : ''}`;
  });
  const what = extraWhat ? `blueprint, stack or ${extraWhat}` : 'blueprint or stack';
  return new UserError(
    [
      `hms-sys ${command}: no ${what} named ${hints.join(', ')} in ${folder}/.`,
      `blueprints: ${blueprints.map((b) => b.name).join(', ') || 'none'}`,
      `stacks: ${catalog.map((s) => s.stackName).join(', ') || 'none'}`,
      `Name a blueprint (all its stacks), a stack (that stack) or a blueprint file (.yml).`,
    ].join('\n'),
  );
}

/**
 * The one blueprint a command acts on (status, verify), and the clouds the name
 * narrows it to: a stack name reads its own cloud only. A node pool name selects
 * its blueprint, as the seed says it (`hms-sys status dcaa-secure`).
 */
export function selectOneBlueprint(command: string, name: string, folder: string, io: Io): { blueprint: Blueprint; clouds: readonly Cloud[] } {
  const extra = { what: 'node pool', find: (n: string, all: readonly Blueprint[]) => nodePoolBlueprint(command, n, all) };
  const selection = selectByName(command, [name], io, { folder, filesAlone: true, extra });
  const [blueprint] = selection.named;
  const stack = selection.stacks.length === 1 && selection.stacks[0].stackName === name ? selection.stacks[0] : undefined;
  if (stack && !stack.cloud) {
    throw new UserError(`hms-sys ${command}: ${name} is shared by ${stack.usedBy.join(', ')} and runs no cluster; name a blueprint or one of its stacks`);
  }
  return { blueprint, clouds: stack?.cloud ? [stack.cloud] : blueprint.clouds };
}

function nodePoolBlueprint(command: string, name: string, blueprints: readonly Blueprint[]): Blueprint | undefined {
  const byPool = blueprints.filter((b) => b.nodePool.name === name);
  if (byPool.length > 1) {
    throw new UserError(`hms-sys ${command}: node pool ${name} is in ${byPool.length} blueprints (${byPool.map((b) => b.name).join(', ')}); name the blueprint instead`);
  }
  return byPool[0];
}
