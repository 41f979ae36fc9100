import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { loadBlueprints } from '../../blueprint/load';
import { UserError } from '../../core/errors';
import { formatStatus, summarizeStatus, type ShowJson, type StackState } from '../../status/summarize';
import { terraformEnvironment } from '../../terraform/environment';
import { LOCAL_STATE_DIR } from '../../../stacks/backend';
import { parseCommandArgs } from '../args';
import { EXIT_OK, EXIT_USER_ERROR, type Io } from '../io';
import { usageOf } from '../main';
import { synthesizeBlueprints } from '../synthesize';
import { terraformError } from '../../terraform/run';

const STATUS_USAGE = usageOf('status');

/**
 * What is deployed for one blueprint, read from each stack's state through
 * `terraform show -json`. Synthesizes into a temporary folder, so the user's
 * cdktf.out is never touched.
 */
export function statusCommand(args: readonly string[], io: Io): number {
  const { positionals, values } = parseCommandArgs('status', STATUS_USAGE, args, {
    json: { type: 'boolean' },
    blueprints: { type: 'string' },
    'state-dir': { type: 'string' },
  });
  if (positionals.length !== 1) throw new UserError(`hms-sys status: name one blueprint\nusage: ${STATUS_USAGE}`);
  const all = loadBlueprints([typeof values.blueprints === 'string' ? values.blueprints : 'blueprints'], io.cwd);
  const blueprint = all.find((b) => b.name === positionals[0]);
  if (!blueprint) throw new UserError(`hms-sys status: no blueprint named ${positionals[0]}; blueprints: ${all.map((b) => b.name).join(', ')}`);
  const stateDir = resolve(io.cwd, typeof values['state-dir'] === 'string' ? values['state-dir'] : LOCAL_STATE_DIR);

  const work = mkdtempSync(join(tmpdir(), 'hms-sys-status-'));
  try {
    const result = synthesizeBlueprints([blueprint], join(work, 'cdktf.out'));
    const stacks = result.stacks.filter((s) => s.layer === 'cloud' || s.layer === 'kubernetes');
    const deployed = stacks.filter((s) => existsSync(join(stateDir, `${s.stackName}.tfstate`)));
    if (deployed.length === 0) {
      const message = `nothing is deployed for ${blueprint.name} yet: no state in ${relative(io.cwd, stateDir) || '.'}/ for ${stacks.map((s) => s.stackName).join(', ')}. Deploy with \`npx cdktf deploy\` after \`hms-sys plan\`.`;
      if (values.json) io.out(JSON.stringify({ blueprint: blueprint.name, deployed: false, lines: [], message }, null, 2));
      else io.err(message);
      return EXIT_USER_ERROR;
    }
    const tf = terraformEnvironment(join(work, '.terraform-cli'));
    const states: StackState[] = stacks.map((s) => {
      const state = join(stateDir, `${s.stackName}.tfstate`);
      const base = { stackName: s.stackName, cloud: s.cloud, layer: s.layer as 'cloud' | 'kubernetes' };
      if (!existsSync(state)) return base;
      // Terraform needs the providers' schemas to show resources; outputs alone it shows anywhere.
      const init = spawnSync('terraform', ['init', '-input=false', '-no-color', '-backend=false'], { cwd: dirname(s.file), env: tf.env, encoding: 'utf8' });
      const cwd = init.status === 0 ? dirname(s.file) : mkdtempSync(join(work, 'bare-'));
      const show = spawnSync('terraform', ['show', '-json', '-no-color', state], { cwd, env: tf.env, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
      if (show.status !== 0) return { ...base, error: terraformError(`${show.stdout}${show.stderr}`) };
      return { ...base, show: JSON.parse(show.stdout) as ShowJson };
    });
    const lines = summarizeStatus(states);
    io.out(values.json ? JSON.stringify({ blueprint: blueprint.name, deployed: true, lines }, null, 2) : formatStatus(lines));
    return lines.every((l) => l.ok) ? EXIT_OK : EXIT_USER_ERROR;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
