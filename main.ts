/**
 * The CDKTF app: `cdktf synth` and `cdktf deploy` run this file. It builds one set
 * of stacks per blueprint in blueprints/, with the same gate, reports and notices
 * as `hms-sys synth` (stacks/cdktf-app.ts).
 */
import { loadBlueprints } from './lib/blueprint/load';
import { markOutput } from './lib/cli/output-folder';
import { isUserError } from './lib/core/errors';
import { synthesizeCdktfApp } from './stacks/cdktf-app';

try {
  const { app, stacks } = synthesizeCdktfApp(loadBlueprints([process.env.HMS_BLUEPRINTS ?? 'blueprints']));
  // The same stacks hms-sys synth writes: mark the folder as hms-sys output, so that hms-sys may replace it.
  markOutput(app.outdir, stacks.map((s) => s.stackName));
} catch (e) {
  if (!isUserError(e)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exit(1);
}
