import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The attribute tree a CDKTF provider binding emits, read from its compiled
 * `toTerraform` functions: for a resource type, the snake_case attributes of the
 * resource and, for each nested block, the attributes of that block. This is the
 * schema of the provider version the bindings were generated from (azurerm 4.55.0 for
 * @cdktf/provider-azurerm 14.23.1), so an attribute outside it would be rejected by
 * `terraform validate` with that provider.
 */
export interface AttributeTree {
  readonly [attribute: string]: AttributeTree | null;
}

const ROOT = join(__dirname, '..', '..', 'node_modules', '@cdktf', 'provider-azurerm', 'lib');
const cache = new Map<string, AttributeTree>();

/** `azurerm_private_dns_zone` -> `private-dns-zone`; data sources -> `data-azurerm-...`; the provider -> `provider`. */
export function bindingFolder(kind: 'resource' | 'data' | 'provider', type: string): string {
  if (kind === 'provider') return 'provider';
  const name = type.replace(/_/g, '-');
  return kind === 'data' ? `data-${name}` : name.replace(/^azurerm-/, '');
}

/** Returns `{ key: child function }` for every object literal returned by `fn` in `source`. */
function returnedKeys(body: string): [string, string | undefined][] {
  return [...body.matchAll(/^\s+([a-z_][a-z0-9_]*): (.+?),?$/gm)].map(([, key, value]) => {
    const child = /(\w+)ToTerraform\b/.exec(value.replace(/cdktf\.\w+ToTerraform/g, ''));
    return [key, child?.[1]];
  });
}

export function attributeTree(kind: 'resource' | 'data' | 'provider', type: string): AttributeTree {
  const folder = bindingFolder(kind, type);
  const cached = cache.get(folder);
  if (cached) return cached;
  const source = readFileSync(join(ROOT, folder, 'index.js'), 'utf8');
  const functions = new Map<string, [string, string | undefined][]>();
  for (const m of source.matchAll(/function (\w+)ToTerraform\(struct\) \{([\s\S]*?)\n\}/g)) {
    const ret = /return \{([\s\S]*?)\n {4}\};/.exec(m[2]);
    functions.set(m[1], ret ? returnedKeys(ret[1]) : []);
  }
  const top = /synthesizeAttributes\(\) \{\s*return \{([\s\S]*?)\n {8}\};/.exec(source);
  if (!top) throw new Error(`no synthesizeAttributes in ${folder}`);
  const build = (entries: [string, string | undefined][], depth: number): AttributeTree =>
    Object.fromEntries(entries.map(([key, child]) => [key, child && functions.has(child) && depth < 8 ? build(functions.get(child)!, depth + 1) : null]));
  const tree = build(returnedKeys(top[1]), 0);
  cache.set(folder, tree);
  return tree;
}

/** Meta-arguments Terraform accepts on every resource, and CDKTF's metadata. */
const META = new Set(['depends_on', 'lifecycle', 'provider', 'count', 'for_each', '//', 'alias']);

/** Every attribute path in `value` that `tree` does not know, e.g. `network_profile.pod_cidr`. */
export function unknownAttributes(value: unknown, tree: AttributeTree, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => unknownAttributes(v, tree, path));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    if (path === '' && META.has(key)) return [];
    if (!(key in tree)) return [`${path}${key}`];
    const sub = tree[key];
    return sub ? unknownAttributes(child, sub, `${path}${key}.`) : [];
  });
}
