import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { App, Manifest } from 'cdktf';
import type { Blueprint } from '../lib/blueprint/blueprint';
import { withEnvironmentDefaults } from '../lib/blueprint/environment';
import { POLICY_REPORT_FILE } from '../lib/policy/fedramp-baseline';
import { addBlueprintStacks, type BuildOptions, type BuildResult } from './app';

export interface CdktfAppOptions extends BuildOptions {
  /**
   * Where cdktf writes; `cdktf synth` passes it in `CDKTF_OUTDIR`.
   * @default - the App's default (`CDKTF_OUTDIR`, else `cdktf.out`)
   */
  readonly outdir?: string;
}

/**
 * What `cdktf synth` and `cdktf deploy` run (main.ts): the stacks of `blueprints`,
 * synthesized by a plain cdktf App. The gate, the policy reports and the notices
 * come from the same code as `hms-sys synth`: each stack's FedRampBaseline
 * validates it and writes `policy-report.json` beside its cdk.tf.json, and notices
 * are warning annotations on their stack, which cdktf prints as `WARN [stack]: ...`
 * (cli-core `printAnnotations`) rather than as stderr lines it shows in red.
 */
export function synthesizeCdktfApp(blueprints: readonly Blueprint[], options: CdktfAppOptions = {}): BuildResult & { readonly app: App } {
  const app = new App(options.outdir ? { outdir: options.outdir } : {});
  const result = addBlueprintStacks(app, withEnvironmentDefaults(blueprints), options);
  removeReports(app.outdir);
  app.synth();
  return { ...result, app };
}

/**
 * Removes every policy report of an earlier run before synthesizing, so that a
 * report beside a cdk.tf.json was written with it: a stack this run fails or no
 * longer builds keeps no report that vouches for other Terraform.
 */
function removeReports(outdir: string): void {
  const stacksDir = join(outdir, Manifest.stacksFolder);
  if (!existsSync(stacksDir)) return;
  for (const entry of readdirSync(stacksDir, { withFileTypes: true })) {
    if (entry.isDirectory()) rmSync(join(stacksDir, entry.name, POLICY_REPORT_FILE), { force: true });
  }
}
