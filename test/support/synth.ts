import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Testing, type TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { Blueprint } from '../../lib/blueprint/blueprint';
import { parseBlueprint } from '../../lib/blueprint/load';

/** Synthesized Terraform JSON of one stack. */
export interface TfJson {
  resource?: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, { value: unknown }>;
  variable?: Record<string, Record<string, unknown>>;
  provider?: Record<string, Record<string, unknown>[]>;
  terraform?: Record<string, unknown>;
}

/** Synthesizes the constructs that `build` adds to a fresh test stack. */
export function synthConstructs(build: (scope: Construct) => void): TfJson {
  return JSON.parse(Testing.synthScope(build)) as TfJson;
}

export function synthStack(stack: TerraformStack): TfJson {
  return JSON.parse(Testing.synth(stack)) as TfJson;
}

/** Every resource of a Terraform type, by logical id. */
export function resourcesOf(tf: TfJson, type: string): Record<string, unknown>[] {
  return Object.values(tf.resource?.[type] ?? {});
}

/** The only resource of a type; fails when there are none or several. */
export function onlyResource(tf: TfJson, type: string): Record<string, any> {
  const all = resourcesOf(tf, type);
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0] as Record<string, any>;
}

/** Parses a JSON policy document attribute. */
export function policyOf(resource: Record<string, unknown>, attribute = 'policy'): { Statement: any[] } {
  return JSON.parse(String(resource[attribute]));
}

export const EXAMPLE_BLUEPRINT_PATH = join(__dirname, '..', '..', 'blueprints', 'dcaa-audit.yml');

/** The example blueprint, optionally with YAML text appended or replaced. */
export function exampleBlueprint(edit: (yaml: string) => string = (y) => y): Blueprint {
  return parseBlueprint(edit(readFileSync(EXAMPLE_BLUEPRINT_PATH, 'utf8')), 'blueprints/dcaa-audit.yml');
}
