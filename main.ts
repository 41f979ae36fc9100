/**
 * The CDKTF app: `cdktf synth` and `cdktf deploy` run this file. It builds one set
 * of stacks per blueprint in blueprints/. `hms-sys synth` does the same in-process.
 */
import { App } from 'cdktf';
import { loadBlueprints } from './lib/blueprint/load';
import { withEnvironmentDefaults } from './lib/cli/environment-defaults';
import { markOutput } from './lib/cli/output-folder';
import { isUserError } from './lib/core/errors';
import { addBlueprintStacks } from './stacks/app';

try {
  const app = new App();
  const { stacks, notices } = addBlueprintStacks(app, withEnvironmentDefaults(loadBlueprints([process.env.HMS_BLUEPRINTS ?? 'blueprints'])));
  notices.forEach((n) => process.stderr.write(`note: ${n}\n`));
  app.synth();
  // The same stacks hms-sys synth writes: mark the folder as hms-sys output, so that hms-sys may replace it.
  markOutput(app.outdir, stacks.map((s) => s.stackName));
} catch (e) {
  if (!isUserError(e)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
}
