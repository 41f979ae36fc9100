/**
 * The CDKTF app: `cdktf synth` and `cdktf deploy` run this file. It builds one set
 * of stacks per blueprint in blueprints/. `hms-sys synth` does the same in-process.
 */
import { App } from 'cdktf';
import { loadBlueprints } from './lib/blueprint/load';
import { withEnvironmentDefaults } from './lib/cli/environment-defaults';
import { isUserError } from './lib/core/errors';
import { addBlueprintStacks } from './stacks/app';

try {
  const app = new App();
  const { notices } = addBlueprintStacks(app, withEnvironmentDefaults(loadBlueprints([process.env.HMS_BLUEPRINTS ?? 'blueprints'])));
  notices.forEach((n) => process.stderr.write(`note: ${n}\n`));
  app.synth();
} catch (e) {
  if (!isUserError(e)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
}
