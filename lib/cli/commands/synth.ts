import { relative } from 'node:path';
import { loadBlueprints } from '../../blueprint/load';
import { parseCommandArgs } from '../args';
import { usageOf } from '../main';
import { EXIT_OK, type Io } from '../io';
import { synthesizeBlueprints } from '../synthesize';

const SYNTH_USAGE = usageOf('synth');
export const DEFAULT_OUTDIR = 'cdktf.out';

/** Validates blueprints and writes one Terraform JSON stack per blueprint and cloud. */
export function synthCommand(args: readonly string[], io: Io): number {
  const { positionals, values } = parseCommandArgs('synth', SYNTH_USAGE, args, {
    out: { type: 'string', short: 'o' },
    strict: { type: 'boolean' },
  });
  const outdir = typeof values.out === 'string' ? values.out : DEFAULT_OUTDIR;
  const blueprints = loadBlueprints(positionals.length > 0 ? positionals : ['blueprints'], io.cwd);
  const result = synthesizeBlueprints(blueprints, relativeTo(io.cwd, outdir), { policy: { strict: values.strict === true } });
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

function relativeTo(cwd: string, path: string): string {
  return path.startsWith('/') ? path : `${cwd}/${path}`;
}
