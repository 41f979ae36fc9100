import { loadBlueprints } from '../../blueprint/load';
import { formatProblem } from '../../core/errors';
import { parseCommandArgs } from '../args';
import { VALIDATE_HELP } from '../help/validate';
import { EXIT_OK, type Io } from '../io';

const VALIDATE_USAGE = VALIDATE_HELP.usage;

/** Checks blueprints without building anything: fast enough for editors and pre-commit hooks. */
export function validateCommand(args: readonly string[], io: Io): number {
  const { positionals } = parseCommandArgs('validate', VALIDATE_USAGE, args, {});
  const blueprints = loadBlueprints(positionals.length > 0 ? positionals : ['blueprints'], io.cwd);
  for (const bp of blueprints) {
    io.out(`✔ ${bp.sourceFile}: valid (${bp.name}; ${bp.clouds.join(', ')})`);
    for (const w of bp.warnings) io.err(`warning: ${formatProblem(w)}`);
  }
  return EXIT_OK;
}
