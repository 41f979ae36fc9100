/**
 * The checks every plan goes through before anyone acts on it, whether Terraform
 * planned it against deployed state (`hms-sys plan`, `apply`) or offline for a
 * review (`hms-sys plan --offline`): the policy packs over the planned values,
 * and the stateful-resource guard over the planned changes. One function, so the
 * two kinds of plan cannot drift apart in what they check.
 */
import { withSynthesizedAcknowledgements, fromPlanJson } from '../policy/engine/plan-document';
import { evaluate, type PolicyReport } from '../policy/engine/evaluate';
import { ALL_RULES } from '../policy/rules';
import { guardPlan, type GuardResult } from './stateful-guard';

export interface PlanCheck {
  readonly policy: PolicyReport;
  readonly guard: GuardResult;
  /** Planned actions by kind. */
  readonly counts: { readonly add: number; readonly change: number; readonly destroy: number };
  /** True when the policy packs and the guard both let the plan through. */
  readonly passed: boolean;
}

interface PlanJson {
  resource_changes?: { mode?: string; change?: { actions?: string[] } }[];
}

function countActions(plan: PlanJson): PlanCheck['counts'] {
  const actions = (plan.resource_changes ?? []).map((c) => c.change?.actions ?? []);
  return {
    add: actions.filter((a) => a.includes('create')).length,
    change: actions.filter((a) => a.includes('update')).length,
    destroy: actions.filter((a) => a.includes('delete')).length,
  };
}

/**
 * Checks a plan in `terraform show -json` form; `source` names its file in findings.
 * `synthesized` is the stack's cdk.tf.json, whose acknowledgements apply to the plan.
 */
export function checkPlan(plan: unknown, stackName: string, source: string, allowances: readonly string[], synthesized?: unknown): PlanCheck {
  const planned = fromPlanJson(plan, stackName, source);
  const policy = evaluate([synthesized === undefined ? planned : withSynthesizedAcknowledgements(planned, synthesized)], ALL_RULES);
  const guard = guardPlan(plan, allowances);
  return { policy, guard, counts: countActions(plan as PlanJson), passed: policy.blocking === 0 && guard.blocked.length === 0 };
}
