/**
 * The output folder: hms-sys replaces only an output it wrote, never the state
 * folder, and at every instant the previous or the new complete output exists,
 * even when a real process is killed (SIGKILL: no handler, no cleanup) at any step
 * of the swap or of the recovery after an earlier kill.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { OUTPUT_MARKER, publishOutput, recoverOutput, stagingPathFor } from '../../lib/cli/output-folder';
import { withOutputLock } from '../../lib/cli/output-lock';
import { BUILT_CLI, BUILT_PUBLISH_OUTPUT } from '../support/built-cli';
import { CLI_ENV, exampleProject, runCli } from '../support/cli';
import { completeVersion, FIXTURE_STACKS, writeOutput } from '../support/output-fixtures';

const SUPPORT = join(__dirname, '..', 'support');

/** Runs the publish child (write a staging folder, recover, swap, under the lock), killed before file system call `killAt` (0: never). */
function publishChild(root: string, version: string, killAt = 0, user: { uid?: number; gid?: number } = {}) {
  const log = join(mkdtempSync(join(tmpdir(), 'hms-kill-log-')), 'calls');
  chmodSync(dirname(log), 0o777);
  const r = spawnSync(process.execPath, ['-r', join(SUPPORT, 'kill-at-step.js'), BUILT_PUBLISH_OUTPUT, join(root, 'cdktf.out'), root, version], {
    env: { ...CLI_ENV, HMS_TEST_KILL_ROOT: root, HMS_TEST_KILL_AT: String(killAt), HMS_TEST_KILL_LOG: log },
    encoding: 'utf8',
    ...user,
  });
  return { ...r, calls: existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : [] };
}

/** Every complete output under `root`, by folder name. */
function completeOutputs(root: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(root).flatMap((name) => {
      const version = completeVersion(join(root, name));
      return version ? [[name, version]] : [];
    }),
  );
}

/** Sets up `root` and says which output was the last complete one before the swap. */
type Scenario = (root: string) => string;

const SCENARIOS: [string, Scenario][] = [
  ['replacing an output', (root) => (writeOutput(join(root, 'cdktf.out'), 'old'), 'old')],
  [
    'recovering from an earlier kill between the two renames (no cdktf.out; the previous output aside; an abandoned staging folder)',
    (root) => {
      writeOutput(join(root, '.cdktf.out.previous-999998-5-bbbbbb'), 'old');
      writeOutput(join(root, '.cdktf.out.staging-999998-5-cccccc'), 'abandoned');
      return 'old';
    },
  ],
];

describe('output folder: a swap killed at any step', () => {
  test.each(SCENARIOS)('%s: at every step a complete output exists, and recovery puts the last one in place', (_name, scenario) => {
    const dry = mkdtempSync(join(tmpdir(), 'hms-kill-'));
    scenario(dry);
    const { status, calls } = publishChild(dry, 'new');
    expect(status).toBe(0);
    expect(completeVersion(join(dry, 'cdktf.out'))).toBe('new');
    // Writing the staging folder, the lock, the recovery and the two renames: every step is a place to die.
    expect(calls.some((c) => / renameSync .*\/cdktf\.out$/.test(c))).toBe(true);

    for (let step = 1; step <= calls.length; step++) {
      const root = mkdtempSync(join(tmpdir(), 'hms-kill-'));
      const before = scenario(root);
      const killed = publishChild(root, 'new', step);
      expect({ step, signal: killed.signal }).toEqual({ step, signal: 'SIGKILL' });
      // At the instant of the kill, the previous or the new output exists whole: at cdktf.out, or set aside where recovery looks.
      const whole = Object.entries(completeOutputs(root)).filter(([name, v]) => v !== 'abandoned' && (name === 'cdktf.out' || name.includes('.previous-') || v === 'new'));
      expect({ step, call: calls[step - 1], whole: whole.length > 0 }).toEqual({ step, call: calls[step - 1], whole: true });
      // The next hms-sys (this process: the killed one is dead) puts the last complete output in place, deleting nothing it needs.
      const target = join(root, 'cdktf.out');
      withOutputLock(target, () => recoverOutput(target));
      expect({ step, version: [before, 'new'].includes(completeVersion(target) ?? '') }).toEqual({ step, version: true });
      // ... and its own swap succeeds and leaves nothing behind: no staging folder, no previous copy, no lock.
      const staging = stagingPathFor(target);
      writeOutput(staging, 'later');
      withOutputLock(target, () => publishOutput(staging, target, { cwd: root, stateDirs: [] }));
      expect(completeVersion(target)).toBe('later');
      expect(readdirSync(root)).toEqual(['cdktf.out']);
    }
  }, 120_000);

  test('what hms-sys 0.1 set aside (named like a staging folder, which 0.1 then deleted) is restored, not deleted', () => {
    const root = mkdtempSync(join(tmpdir(), 'hms-kill-'));
    writeOutput(join(root, '.cdktf.out.staging-999998-5.previous'), 'old');
    expect(recoverOutput(join(root, 'cdktf.out'))).toEqual([expect.stringMatching(/restored .*cdktf\.out from \.cdktf\.out\.staging-999998-5\.previous/)]);
    expect(completeVersion(join(root, 'cdktf.out'))).toBe('old');
  });

  test('a previous copy half-deleted by a kill is removed once the new output is in place', () => {
    const root = mkdtempSync(join(tmpdir(), 'hms-kill-'));
    writeOutput(join(root, 'cdktf.out'), 'new');
    writeOutput(join(root, '.cdktf.out.previous-999998-5-bbbbbb'), 'old');
    writeFileSync(join(root, '.cdktf.out.previous-999998-5-bbbbbb', 'manifest.json'), '{"stacks":');
    recoverOutput(join(root, 'cdktf.out'));
    expect(readdirSync(root)).toEqual(['cdktf.out']);
    expect(completeVersion(join(root, 'cdktf.out'))).toBe('new');
  });

  test('a copy set aside is kept while the target is not an output of hms-sys', () => {
    const root = mkdtempSync(join(tmpdir(), 'hms-kill-'));
    mkdirSync(join(root, 'cdktf.out'));
    writeFileSync(join(root, 'cdktf.out', 'notes.txt'), 'mine');
    writeOutput(join(root, '.cdktf.out.previous-999998-5-bbbbbb'), 'old');
    expect(recoverOutput(join(root, 'cdktf.out')).join('\n')).toMatch(/holds an earlier output .* left alone/);
    expect(completeVersion(join(root, '.cdktf.out.previous-999998-5-bbbbbb'))).toBe('old');
    expect(readFileSync(join(root, 'cdktf.out', 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('output folder: hms-sys replaces only what it wrote', () => {
  /** Every file under `dir` with its content, to prove nothing changed. */
  function snapshot(dir: string): Record<string, string> {
    const out: Record<string, string> = {};
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else out[p.slice(dir.length)] = readFileSync(p, 'utf8');
      }
    };
    walk(dir);
    return out;
  }

  /**
   * A project with documents, state and a repository, in a sandbox folder of its own:
   * `--out ..` must point at the sandbox, never at the system's temporary folder,
   * so that this test deletes nothing but its own files even when the code under
   * test is broken (it once was, on purpose, and took /tmp with it).
   */
  function userProject(): { sandbox: string; dir: string } {
    const sandbox = mkdtempSync(join(tmpdir(), 'hms-sandbox-'));
    const dir = exampleProject(undefined, sandbox);
    mkdirSync(join(dir, 'docs'));
    writeFileSync(join(dir, 'docs', 'ssp.md'), '# System Security Plan\n');
    writeFileSync(join(dir, 'README.md'), '# agency platform\n');
    mkdirSync(join(dir, 'terraform-state'));
    writeFileSync(join(dir, 'terraform-state', 'dcaa-audit-aws.tfstate'), '{"version":4,"serial":7}');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    writeFileSync(join(sandbox, 'beside-the-project.txt'), 'another project\n');
    return { sandbox, dir };
  }

  test.each([
    ['synth --out . (the project itself)', ['synth', '--out', '.'], /will not write its output to .*: it is the folder hms-sys runs in\. Nothing was changed\./],
    ["synth --out '' (read as the project before)", ['synth', '--out', ''], /--out "" names no folder/],
    ['synth --out docs (a folder of documents)', ['synth', '--out', 'docs'], /docs: it exists and was not written by hms-sys/],
    ['synth --out README.md (a file)', ['synth', '--out', 'README.md'], /README\.md: it is a file, not an output folder/],
    ['synth --out README.md/out (under a file)', ['synth', '--out', 'README.md/out'], /README\.md\/out: it is under .*README\.md, which is a file/],
    ['synth --out .. (a folder holding the project)', ['synth', '--out', '..'], /holds the folder hms-sys runs in/],
    ['plan --out terraform-state (the state folder)', ['plan', '--out', 'terraform-state'], /terraform-state: it is, holds or is inside the Terraform state folder/],
    ['plan --out terraform-state/x (inside the state folder)', ['plan', '--out', 'terraform-state/x'], /inside the Terraform state folder/],
    ['drift --out docs', ['drift', '--out', 'docs'], /docs: it exists and was not written by hms-sys/],
  ])('%s is refused with exit 1 and one paragraph; nothing in the project or beside it changes', async (_name, argv, message) => {
    const { sandbox, dir } = userProject();
    const before = snapshot(sandbox);
    const r = await runCli(argv, dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot(sandbox)).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.startsWith('.') && f !== '.git')).toEqual([]);
  });

  describe('cdktf.out shared with another CDKTF app', () => {
    const dir = exampleProject();
    const other = join(dir, 'cdktf.out', 'stacks', 'agency-platform');
    let before: Record<string, string>;
    beforeAll(() => {
      mkdirSync(other, { recursive: true });
      writeFileSync(join(other, 'cdk.tf.json'), '{"resource":{}}');
      // CDKTF's default local backend keeps state in the stack's own folder.
      writeFileSync(join(other, 'terraform.agency-platform.tfstate'), '{"version":4}');
      writeFileSync(join(dir, 'cdktf.out', 'manifest.json'), JSON.stringify({ stacks: { 'agency-platform': { synthesizedStackPath: 'stacks/agency-platform/cdk.tf.json' } } }));
      before = snapshot(join(dir, 'cdktf.out'));
    });

    test('is refused, naming the stacks hms-sys did not write; their state stays', async () => {
      const r = await runCli(['synth'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/cdktf\.out: it holds a CDKTF output that hms-sys did not write \(stacks: agency-platform; no \.hms-sys-output marker\)\. An output folder belongs to one app: give hms-sys its own with --out/);
      expect(snapshot(join(dir, 'cdktf.out'))).toEqual(before);
    });

    test('a stack another app added to an hms-sys output is refused too', async () => {
      const ours = join(dir, 'ours.out');
      expect((await runCli(['synth', '--out', 'ours.out'], dir)).code).toBe(0);
      mkdirSync(join(ours, 'stacks', 'agency-platform'));
      const r = await runCli(['synth', '--out', 'ours.out'], dir);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/holds stacks hms-sys did not write \(agency-platform\)/);
      expect(existsSync(join(ours, 'stacks', 'agency-platform'))).toBe(true);
    });
  });

  test('our output is replaced, and marked with the stacks written; state in a stack folder is never deleted', async () => {
    const dir = exampleProject();
    expect((await runCli(['synth'], dir)).code).toBe(0);
    const marker = JSON.parse(readFileSync(join(dir, 'cdktf.out', OUTPUT_MARKER), 'utf8'));
    expect(marker).toEqual({ tool: 'hms-sys', formatVersion: 1, stacks: ['dcaa-audit-aws', 'dcaa-audit-aws-k8s', 'dcaa-audit-azure', 'dcaa-audit-azure-k8s'] });
    writeFileSync(join(dir, 'cdktf.out', 'stacks', 'dcaa-audit-aws', 'plan.json'), '{}');
    expect((await runCli(['synth'], dir)).code).toBe(0);
    expect(existsSync(join(dir, 'cdktf.out', 'stacks', 'dcaa-audit-aws', 'plan.json'))).toBe(false);

    writeFileSync(join(dir, 'cdktf.out', 'stacks', 'dcaa-audit-aws', 'terraform.tfstate'), '{"version":4}');
    const r = await runCli(['synth'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/holds Terraform state \(stacks\/dcaa-audit-aws\/terraform\.tfstate\), which hms-sys never deletes/);
    expect(readFileSync(join(dir, 'cdktf.out', 'stacks', 'dcaa-audit-aws', 'terraform.tfstate'), 'utf8')).toBe('{"version":4}');
  });

  test.each([
    ['a runbook', 'RUNBOOK.md'],
    ['an override file Terraform would load', 'override.tf.json'],
    ['a state backup in a subfolder', 'backup/terraform.tfstate'],
  ])('a stack folder of ours holding %s is refused, and the file stays', async (_name, file) => {
    const dir = exampleProject();
    expect((await runCli(['synth'], dir)).code).toBe(0);
    const userFile = join(dir, 'cdktf.out', 'stacks', 'dcaa-audit-aws', file);
    mkdirSync(dirname(userFile), { recursive: true });
    writeFileSync(userFile, 'the agency wrote this\n');
    // What hms-sys plan and terraform init leave in a stack folder is ours, and does not block a synth.
    writeFileSync(join(dir, 'cdktf.out', 'stacks', 'dcaa-audit-azure', 'plan.json'), '{}');
    mkdirSync(join(dir, 'cdktf.out', 'stacks', 'dcaa-audit-azure', '.terraform'));
    const r = await runCli(['synth'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`holds files hms-sys did not write (stacks/dcaa-audit-aws/${file.split('/')[0]}); move them out of the output folder`);
    expect(readFileSync(userFile, 'utf8')).toBe('the agency wrote this\n');
  });

  test('an empty folder, and an output of hms-sys 0.1 (a policy report beside every stack, no marker), are taken', async () => {
    const dir = exampleProject();
    mkdirSync(join(dir, 'empty'));
    expect((await runCli(['synth', '--out', 'empty'], dir)).code).toBe(0);
    expect(existsSync(join(dir, 'empty', OUTPUT_MARKER))).toBe(true);
    // What 0.1 wrote: the same, without the marker.
    expect((await runCli(['synth', '--out', 'legacy'], dir)).code).toBe(0);
    const legacyMarker = join(dir, 'legacy', OUTPUT_MARKER);
    rmSync(legacyMarker);
    expect((await runCli(['synth', '--out', 'legacy'], dir)).code).toBe(0);
    expect(existsSync(legacyMarker)).toBe(true);
  });

  test("an agency's own `cdktf synth` output (the baseline's report beside its stack, no marker) is refused, not taken for 0.1's", async () => {
    const dir = exampleProject();
    const agencyStack = join(dir, 'cdktf.out', 'stacks', 'agency-intake');
    mkdirSync(agencyStack, { recursive: true });
    writeFileSync(join(dir, 'cdktf.out', 'manifest.json'), JSON.stringify({ version: '0.21.0', stacks: { 'agency-intake': { name: 'agency-intake', synthesizedStackPath: 'stacks/agency-intake/cdk.tf.json', workingDirectory: 'stacks/agency-intake' } } }));
    writeFileSync(join(agencyStack, 'cdk.tf.json'), '{"resource":{}}');
    writeFileSync(join(agencyStack, 'policy-report.json'), '{"blocking":0}');
    const r = await runCli(['synth'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('agency-intake');
    expect(readFileSync(join(agencyStack, 'cdk.tf.json'), 'utf8')).toBe('{"resource":{}}');
  });
});

describe('output folder: file system failures are one clear message', () => {
  // Permissions mean nothing to root: when the tests run as root, the process under test runs as nobody.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const own = (path: string) => (process.getuid?.() === 0 ? chownSync(path, 65534, 65534) : undefined);

  test('a read-only parent folder: exit 1, one paragraph, no stack trace, nothing written', () => {
    const dir = exampleProject();
    for (const p of [dir, join(dir, 'blueprints'), join(dir, 'blueprints', 'dcaa-audit.yml')]) own(p);
    mkdirSync(join(dir, 'locked'));
    chmodSync(join(dir, 'locked'), 0o555);
    const r = spawnSync(process.execPath, [BUILT_CLI, 'synth', '--out', 'locked/cdktf.out'], { cwd: dir, encoding: 'utf8', env: CLI_ENV, ...asUser });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/hms-sys cannot write its output to .*locked\/cdktf\.out: .* failed \(EACCES\)\. Make .*locked writable or choose another --out\. Nothing was changed\./);
    expect(readdirSync(join(dir, 'locked'))).toEqual([]);
  });

  test('a read-only stack folder in the output: refused before the swap, the output untouched and replaceable once writable', () => {
    const root = mkdtempSync(join(tmpdir(), 'hms-readonly-'));
    const target = join(root, 'cdktf.out');
    writeOutput(target, 'old');
    for (const p of [root, target, join(target, 'stacks'), ...FIXTURE_STACKS.map((s) => join(target, 'stacks', s))]) own(p);
    chmodSync(join(target, 'stacks', 'one-aws'), 0o555);
    const r = publishChild(root, 'new', 0, asUser);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot replace .*cdktf\.out: .*stacks\/one-aws is read-only, so the previous output could not be removed after the swap\. Make it writable .* Nothing was changed\./);
    expect(completeVersion(target)).toBe('old');
    expect(readdirSync(root)).toEqual(['cdktf.out']);
    chmodSync(join(target, 'stacks', 'one-aws'), 0o755);
    expect(publishChild(root, 'new', 0, asUser).status).toBe(0);
    expect(completeVersion(target)).toBe('new');
    expect(readdirSync(root)).toEqual(['cdktf.out']);
  });
});
