/**
 * Checks that run on the machine that applies, before Terraform touches a stack:
 * can this runner reach what the stack's first apply needs (a private cluster API,
 * a private Key Vault)? A check that fails stops `hms-sys apply` before anything is
 * created, saying where apply must run from. Each cloud registers its checks here.
 */
import type { Blueprint } from '../blueprint/blueprint';
import { ToolchainError } from '../core/errors';
import type { SynthesizedStack } from '../cli/synthesize';

export interface PreflightContext {
  readonly blueprint: Blueprint;
  readonly stack: SynthesizedStack;
  /** Outputs of an applied stack of the same run (e.g. the cluster endpoint), or undefined when it has none yet. */
  readonly outputsOf: (stackName: string) => Readonly<Record<string, unknown>> | undefined;
}

export interface PreflightOutcome {
  readonly ok: boolean;
  /** For a failure: what is wrong and where apply must run from. */
  readonly message?: string;
}

export interface PreflightCheck {
  /** Shown in progress and events, e.g. "EKS API reachable". */
  readonly name: string;
  readonly appliesTo: (stack: SynthesizedStack, blueprint: Blueprint) => boolean;
  readonly run: (context: PreflightContext) => Promise<PreflightOutcome>;
}

/** Every check, by cloud module. Append in `lib/preflight/<cloud>-*.ts` and list the module in `checks.ts`. */
export function runnablePreflightChecks(checks: readonly PreflightCheck[], stack: SynthesizedStack, blueprint: Blueprint): PreflightCheck[] {
  return checks.filter((c) => c.appliesTo(stack, blueprint));
}

/** Runs the checks that apply to `stack`; throws a ToolchainError (exit 3) naming the first that fails. */
export async function runPreflight(checks: readonly PreflightCheck[], context: PreflightContext): Promise<string[]> {
  const passed: string[] = [];
  for (const check of runnablePreflightChecks(checks, context.stack, context.blueprint)) {
    const outcome = await check.run(context);
    if (!outcome.ok) {
      throw new ToolchainError(`preflight for ${context.stack.stackName} failed: ${check.name}: ${outcome.message ?? 'no reason given'}. Nothing was applied to ${context.stack.stackName}.`);
    }
    passed.push(check.name);
  }
  return passed;
}
