import type { App, TerraformStack } from 'cdktf';
import type { Blueprint } from '../lib/blueprint/blueprint';
import type { Cloud } from '../lib/core/defaults';
import type { FedRampBaselineProps } from '../lib/policy/fedramp-baseline';
import type { BackendFactory } from './backend';
import { EksStack } from './eks-stack';

/** What was built for one blueprint. */
export interface BuiltStack {
  readonly blueprint: string;
  readonly cloud: Cloud;
  readonly stackName: string;
  readonly stack: TerraformStack;
}

export interface BuildResult {
  readonly stacks: BuiltStack[];
  /** Targets asked for that this version does not build yet, said plainly rather than skipped silently. */
  readonly notices: string[];
}

export interface BuildOptions {
  /** @default - local state per stack */
  readonly backend?: BackendFactory;
  /** @default both packs, not strict */
  readonly policy?: FedRampBaselineProps;
}

/** Adds the stacks of every blueprint to `app`: `<name>-aws` for AWS. */
export function addBlueprintStacks(app: App, blueprints: readonly Blueprint[], options: BuildOptions = {}): BuildResult {
  const stacks: BuiltStack[] = [];
  const notices: string[] = [];
  for (const bp of blueprints) {
    for (const cloud of bp.clouds) {
      if (cloud === 'aws') {
        const stackName = `${bp.name}-aws`;
        const stack = new EksStack(app, stackName, { blueprint: bp, backend: options.backend, policy: options.policy });
        stacks.push({ blueprint: bp.name, cloud, stackName, stack });
      } else {
        notices.push(`${bp.sourceFile}: the ${cloud} target is not built by this version of hms-sys yet; only aws stacks were written`);
      }
    }
  }
  return { stacks, notices };
}
