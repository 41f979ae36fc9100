import { dirname, join } from 'node:path';
import { ToolchainError } from '../core/errors';
import { guardPlan, type GuardResult } from '../plan/stateful-guard';
import { fromPlanJson } from '../policy/engine/document';
import { evaluate, type PolicyReport } from '../policy/engine/evaluate';
import { ALL_RULES } from '../policy/rules';
import { initStack, parseTerraformJson, terraform, terraformError } from '../terraform/run';
import { writePrivateFile } from './private-file';
import type { SynthesizedStack } from './synthesize';

export interface StackPlan {
  readonly planFile: string;
  readonly policy: PolicyReport;
  readonly guard: GuardResult;
  /** Planned actions by kind. */
  readonly counts: { readonly add: number; readonly change: number; readonly destroy: number };
  /** True when the policy packs and the guard both let the plan through. */
  readonly passed: boolean;
}

interface PlanJson {
  resource_changes?: { change?: { actions?: string[] } }[];
}

function countActions(plan: PlanJson): StackPlan['counts'] {
  const actions = (plan.resource_changes ?? []).map((c) => c.change?.actions ?? []);
  return {
    add: actions.filter((a) => a.includes('create')).length,
    change: actions.filter((a) => a.includes('update')).length,
    destroy: actions.filter((a) => a.includes('delete')).length,
  };
}

/**
 * init, plan to a saved plan file, and check the plan: the policy packs and the
 * stateful-resource guard. Saves plan.tfplan and plan.json beside the stack.
 */
export function planStack(stack: SynthesizedStack, env: NodeJS.ProcessEnv, options: { allowances: readonly string[]; refresh?: boolean }): StackPlan {
  const dir = dirname(stack.file);
  initStack(stack.stackName, dir, env);
  const plan = terraform(['plan', '-input=false', '-no-color', '-out=plan.tfplan', ...(options.refresh === false ? ['-refresh=false'] : [])], dir, env);
  if (!plan.ok) {
    throw new ToolchainError(
      `terraform plan failed for ${stack.stackName}: ${terraformError(plan.output)}. Check the cloud credentials Terraform uses, that the stacks this one depends on are applied, and the stack's state.`,
    );
  }
  const show = terraform(['show', '-json', 'plan.tfplan'], dir, env);
  if (!show.ok) throw new ToolchainError(`terraform show failed for ${stack.stackName}: ${terraformError(show.output)}`);
  writePrivateFile(join(dir, 'plan.json'), show.stdout);
  const planJson = parseTerraformJson(show.stdout, `terraform show -json plan.tfplan of ${stack.stackName}`) as PlanJson;
  const policy = evaluate([fromPlanJson(planJson, stack.stackName, join(dir, 'plan.json'))], ALL_RULES);
  const guard = guardPlan(planJson, options.allowances);
  return { planFile: join(dir, 'plan.tfplan'), policy, guard, counts: countActions(planJson), passed: policy.blocking === 0 && guard.blocked.length === 0 };
}
