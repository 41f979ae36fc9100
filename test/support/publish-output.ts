/**
 * Child process of the output-folder tests: writes a new output to its own staging
 * folder and swaps it into place as `hms-sys synth` does (under the lock: recover,
 * then publish), so that a test can kill it at any step, or run it as another user.
 * Failures are reported as the CLI reports them.
 * Arguments: target folder, working folder, version written.
 */
import { rmSync } from 'node:fs';
import { reportFailure } from '../../lib/cli/main';
import { processIo } from '../../lib/cli/io';
import { publishOutput, recoverOutput, stagingPathFor } from '../../lib/cli/output-folder';
import { withOutputLock } from '../../lib/cli/output-lock';
import { writeOutput } from './output-fixtures';

const [target, cwd, version] = process.argv.slice(2);
const staging = stagingPathFor(target);
try {
  writeOutput(staging, version);
  withOutputLock(target, () => [...recoverOutput(target), ...publishOutput(staging, target, { cwd, stateDirs: [] })]);
} catch (e) {
  process.exitCode = reportFailure(e, processIo);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
