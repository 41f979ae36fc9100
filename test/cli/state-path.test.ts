import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exampleProject, runCli } from '../support/cli';

const STACK = 'dcaa-audit-aws';
/** The state file Terraform opens for a stack: its local backend path, resolved from the stack's folder as Terraform does. */
function statePathFrom(outdir: string, stack = STACK): string {
  // Terraform runs in the stack's real folder: `..` climbs from where it really is.
  const folder = realpathSync(join(outdir, 'stacks', stack));
  const tf = JSON.parse(readFileSync(join(folder, 'cdk.tf.json'), 'utf8'));
  const path: string = tf.terraform.backend.local.path;
  // Relative, so that cdk.tf.json stays valid in another checkout.
  expect(path.startsWith('/')).toBe(false);
  return resolve(folder, path);
}

describe('local state stays in the project\'s terraform-state/ whatever --out is', () => {
  const dir = exampleProject((y) => `clouds: [aws]\n${y}`);
  beforeAll(async () => {
    expect((await runCli(['synth'], dir)).code).toBe(0);
    expect((await runCli(['synth', '--out', 'a/b/c'], dir)).code).toBe(0);
    // An --out reached through a symbolic link to a folder elsewhere (a hostile review's case).
    const elsewhere = mkdtempSync(join(tmpdir(), 'hms-elsewhere-'));
    mkdirSync(join(elsewhere, 'x', 'y'), { recursive: true });
    symlinkSync(join(elsewhere, 'x', 'y'), join(dir, 'linked'));
    expect((await runCli(['synth', '--out', 'linked/out'], dir)).code).toBe(0);
  });

  test('synth with two different --out values: each stack\'s backend points at the same file', () => {
    const expected = join(dir, 'terraform-state', `${STACK}.tfstate`);
    expect(statePathFrom(join(dir, 'cdktf.out'))).toBe(expected);
    expect(statePathFrom(join(dir, 'a', 'b', 'c'))).toBe(expected);
    expect(statePathFrom(join(dir, 'a', 'b', 'c'), `${STACK}-k8s`)).toBe(join(dir, 'terraform-state', `${STACK}-k8s.tfstate`));
  });

  test('an --out through a symbolic link still points at the project\'s state, not beside the link\'s target', () => {
    expect(statePathFrom(join(dir, 'linked', 'out'))).toBe(join(realpathSync(dir), 'terraform-state', `${STACK}.tfstate`));
  });

  test('state left where earlier versions put it for --out: refused, the file neither moved nor deleted', async () => {
    const project = exampleProject((y) => `clouds: [aws]\n${y}`);
    const earlier = join(project, 'a', 'terraform-state', `${STACK}.tfstate`);
    mkdirSync(join(project, 'a', 'terraform-state'), { recursive: true });
    writeFileSync(earlier, '{"version":4,"serial":3}');
    const r = await runCli(['synth', '--out', 'a/out'], project);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`the state of ${STACK} is in a/terraform-state/${STACK}.tfstate`);
    expect(r.stderr).toContain(`mv a/terraform-state/${STACK}.tfstate terraform-state/${STACK}.tfstate`);
    expect(readFileSync(earlier, 'utf8')).toBe('{"version":4,"serial":3}');
    expect(existsSync(join(project, 'a', 'out'))).toBe(false);
  });
});
