import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ToolchainError } from '../core/errors';
import { checkPlan, type PlanCheck } from '../plan/check-plan';
import { initStack, parseTerraformJson, terraform, terraformError } from '../terraform/run';
import { writePrivateFile } from './private-file';
import type { SynthesizedStack } from './synthesize';

export interface StackPlan extends PlanCheck {
  readonly planFile: string;
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
      `terraform plan failed for ${stack.stackName}: ${terraformError(plan.output)}. Check the cloud credentials Terraform uses, that the stacks this one depends on are applied, and the stack's state. Without credentials, hms-sys plan --offline ${stack.stackName} gives a review plan.`,
    );
  }
  const show = terraform(['show', '-json', 'plan.tfplan'], dir, env);
  if (!show.ok) throw new ToolchainError(`terraform show failed for ${stack.stackName}: ${terraformError(show.output)}`);
  writePrivateFile(join(dir, 'plan.json'), show.stdout);
  const planJson = parseTerraformJson(show.stdout, `terraform show -json plan.tfplan of ${stack.stackName}`);
  const synthesized = parseTerraformJson(readFileSync(stack.file, 'utf8'), stack.file);
  return { planFile: join(dir, 'plan.tfplan'), ...checkPlan(planJson, stack.stackName, join(dir, 'plan.json'), options.allowances, synthesized) };
}
