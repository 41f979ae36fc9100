import { relative, resolve } from 'node:path';
import { loadBlueprints } from '../../blueprint/load';
import { UserError } from '../../core/errors';
import { parseCommandArgs } from '../args';
import { SYNTH_HELP } from '../help/synth';
import { EXIT_OK, type Io } from '../io';
import { synthesizeBlueprints } from '../synthesize';

const SYNTH_USAGE = SYNTH_HELP.usage;
export const DEFAULT_OUTDIR = 'cdktf.out';

/** Validates blueprints and writes one Terraform JSON stack per blueprint and cloud. */
export function synthCommand(args: readonly string[], io: Io): number {
  const { positionals, values } = parseCommandArgs('synth', SYNTH_USAGE, args, {
    out: { type: 'string', short: 'o' },
    strict: { type: 'boolean' },
  });
  const outdir = outputFolderOption(io, values.out);
  const blueprints = loadBlueprints(positionals.length > 0 ? positionals : ['blueprints'], io.cwd);
  const result = synthesizeBlueprints(blueprints, outdir, { policy: { strict: values.strict === true }, cwd: io.cwd });
  for (const s of result.stacks) {
    const warnings = s.policy.findings.filter((f) => !f.blocking && !f.acknowledgedBecause).length;
    io.out(
      `✔ ${s.stackName}: ${s.resourceCount} resources, policy ${s.policy.packs.join(' + ')}: ${s.policy.checksPassed} checks passed, ${warnings} warnings -> ${relative(io.cwd, s.file)}`,
    );
  }
  for (const n of result.notices) io.err(`note: ${n}`);
  io.out(`Synthesized ${result.stacks.length} stack(s) from ${blueprints.length} blueprint(s) into ${relative(io.cwd, result.outdir) || '.'}`);
  return EXIT_OK;
}

/**
 * The output folder a command writes, from `--out`: resolved against the working
 * folder; an empty value is refused rather than read as the working folder itself.
 */
export function outputFolderOption(io: Io, value: string | boolean | (string | boolean)[] | undefined): string {
  if (value === undefined) return resolve(io.cwd, DEFAULT_OUTDIR);
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UserError(`--out ${JSON.stringify(value)} names no folder; give the folder hms-sys writes its output to, e.g. --out ${DEFAULT_OUTDIR}`);
  }
  return resolve(io.cwd, value);
}
