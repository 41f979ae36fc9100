import type { App, TerraformStack } from 'cdktf';
import type { Blueprint } from '../lib/blueprint/blueprint';
import type { Cloud } from '../lib/core/defaults';
import type { FedRampBaselineProps } from '../lib/policy/fedramp-baseline';
import type { BackendFactory } from './backend';
import { AksStack } from './aks-stack';
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
  /** What the user should know about how blueprints map onto a cloud, said plainly rather than silently. */
  readonly notices: string[];
}

export interface BuildOptions {
  /** @default - local state per stack */
  readonly backend?: BackendFactory;
  /** @default both packs, not strict */
  readonly policy?: FedRampBaselineProps;
}

/** Adds the stacks of every blueprint to `app`: `<name>-aws` and `<name>-azure`, as its clouds say. */
export function addBlueprintStacks(app: App, blueprints: readonly Blueprint[], options: BuildOptions = {}): BuildResult {
  const stacks: BuiltStack[] = [];
  const notices: string[] = [];
  const stackProps = { backend: options.backend, policy: options.policy };
  for (const bp of blueprints) {
    for (const cloud of bp.clouds) {
      const stackName = `${bp.name}-${cloud}`;
      if (cloud === 'aws') {
        stacks.push({ blueprint: bp.name, cloud, stackName, stack: new EksStack(app, stackName, { blueprint: bp, ...stackProps }) });
      } else {
        const stack = new AksStack(app, stackName, { blueprint: bp, ...stackProps });
        notices.push(...stack.notices.map((n) => `${bp.sourceFile}: ${n}`));
        stacks.push({ blueprint: bp.name, cloud, stackName, stack });
      }
    }
  }
  return { stacks, notices };
}
