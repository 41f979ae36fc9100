import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = 'test/policy/fixtures';

describe('hms-sys check', () => {
  test.each([
    ['an unencrypted EBS volume', 'insecure-aws.tf.json', 'HMS-EBS-1', 'SC-28'],
    ['a security group open to the world on port 22', 'insecure-aws.tf.json', 'HMS-SG-1', 'SC-7'],
    ['a public EKS endpoint', 'insecure-aws.tf.json', 'HMS-EKS-1', 'AC-4'],
    ['IMDSv1', 'insecure-aws.tf.json', 'HMS-LT-3', 'AC-6'],
    ['an AKS cluster with local accounts', 'insecure-azure.tf.json', 'HMS-AKS-8', 'IA-2'],
    ['a FIPS-disabled AKS node pool', 'insecure-azure.tf.json', 'HMS-AKS-13', 'SC-13'],
    ['an Azure disk without a customer key', 'insecure-azure.tf.json', 'HMS-DISK-1', 'SC-12'],
    ['a privileged Kubernetes container', 'insecure-k8s.tf.json', 'HMS-K8S-1', 'AC-6'],
    ['HCL: an unencrypted volume in an existing .tf folder', 'hcl', 'HMS-EBS-1', 'SC-28'],
    ['a plan (terraform show -json) with IMDSv1', 'plan.json', 'HMS-LT-3', 'AC-6'],
  ])('%s exits 1 and names the control', async (_name, fixture, ruleId, control) => {
    const r = await runCli(['check', `${FIXTURES}/${fixture}`], ROOT);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`FAIL +\\[${ruleId}\\]`));
    const controlsLine = r.stdout.split('\n').findIndex((l) => l.includes(`[${ruleId}]`)) + 1;
    expect(r.stdout.split('\n')[controlsLine]).toContain(control);
  });

  test('our synthesized output passes with exit 0', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hms-check-')), 'cdktf.out');
    expect((await runCli(['synth', '--out', out], ROOT)).code).toBe(0);
    const r = await runCli(['check', out], ROOT);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^✔ scanned .*cdktf\.out: \d+ resources, \d+ with rules; \d+ rules \(fedramp-moderate, hipaa\): \d+ checks passed, 0 blocking, \d+ warnings?, \d+ unknown/m);
    // What the packs cannot resolve from one stack (EFS encryption kept in the cluster stack)
    // is acknowledged with a reason where it arises,
    // still counted as unknown, and nothing else is left unknown.
    const json = await runCli(['check', out, '--format', 'json'], ROOT);
    const findings = (JSON.parse(json.stdout) as { findings: { ruleId: string; status: string; resourceType: string; document: string; acknowledgedBecause?: string }[] }).findings;
    const unknown = findings.filter((f) => f.status === 'unknown');
    expect(unknown.filter((f) => !f.acknowledgedBecause)).toEqual([]);
    expect(unknown.map((f) => `${f.document.split('/').at(-2)} ${f.ruleId} ${f.resourceType}`).sort()).toEqual([
      'dcaa-audit-aws-k8s HMS-K8S-12 kubernetes_storage_class_v1',
      'dcaa-audit-aws-k8s HMS-K8S-14 kubernetes_persistent_volume_claim_v1',
    ]);
    expect(r.stdout).toMatch(/, 2 unknown, \d+ acknowledged/);
    // The image behind the ECR mirror's apply-time host is judged on its literal repository and tag: no finding.
    expect(findings.filter((f) => f.ruleId === 'HMS-K8S-9')).toEqual([]);
  });

  test('a plan that deletes a volume is refused by the stateful guard unless allowed by name', async () => {
    const refused = await runCli(['check', `${FIXTURES}/plan-deletes-volume.json`], ROOT);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      '[stateful-guard] aws_ebs_volume.records would be deleted: an EBS volume: its data is lost; its configuration was removed. If that is intended, re-run with --allow-destroy aws_ebs_volume.records',
    );
    const allowed = await runCli(['check', `${FIXTURES}/plan-deletes-volume.json`, '--allow-destroy', 'aws_ebs_volume.records'], ROOT);
    expect(allowed.code).toBe(0);
    expect(allowed.stderr).toContain('allowed: aws_ebs_volume.records will be deleted (--allow-destroy)');
  });

  test('a plan that deletes a type hms-sys has not classified passes, and says the guard did not judge it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hms-check-'));
    const file = join(dir, 'plan.json');
    const deletion = { address: 'aws_timestreamwrite_table.metrics', mode: 'managed', type: 'aws_timestreamwrite_table', name: 'metrics', action_reason: 'delete_because_no_resource_config', change: { actions: ['delete'], before: { id: 'metrics' }, after: null } };
    writeFileSync(file, JSON.stringify({ format_version: '1.2', terraform_version: '1.11.4', planned_values: { root_module: { resources: [] } }, resource_changes: [deletion], configuration: { root_module: { resources: [] } } }));
    const r = await runCli(['check', file, '--format', 'json'], ROOT);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('[stateful-guard] note: aws_timestreamwrite_table.metrics would be deleted: hms-sys does not know whether aws_timestreamwrite_table holds data');
    expect(JSON.parse(r.stdout).guardNotJudged).toEqual([expect.objectContaining({ address: 'aws_timestreamwrite_table.metrics', action: 'delete' })]);
  });

  describe('every format says why a guard refusal exits 1, not only stderr', () => {
    // The review's plan: a volume deleted, a key replaced, and a type the guard has not classified.
    const change = (address: string, type: string, actions: string[], extra: object = {}) => ({ address, mode: 'managed', type, name: address.split('.')[1], change: { actions, before: { id: address }, after: actions.includes('create') ? { id: address } : null }, ...extra });
    const plan = join(mkdtempSync(join(tmpdir(), 'hms-check-')), 'plan.json');
    writeFileSync(plan, JSON.stringify({
      format_version: '1.2',
      terraform_version: '1.11.4',
      planned_values: { root_module: { resources: [] } },
      resource_changes: [
        change('aws_ebs_volume.data', 'aws_ebs_volume', ['delete'], { action_reason: 'delete_because_no_resource_config' }),
        { ...change('aws_kms_key.k["a"]', 'aws_kms_key', ['delete', 'create'], { action_reason: 'replace_because_cannot_update' }), change: { actions: ['delete', 'create'], before: {}, after: {}, replace_paths: [['customer_master_key_spec']] } },
        change('aws_timestreamwrite_table.metrics', 'aws_timestreamwrite_table', ['delete']),
      ],
      configuration: { root_module: { resources: [] } },
    }));
    const location = (r: any) => `${r.locations[0].physicalLocation.artifactLocation.uri} ${r.locations[0].logicalLocations[0].fullyQualifiedName}`;

    test('SARIF: each refusal is an error result of HMS-GUARD-1 at the plan and address, with what is lost and the --allow-destroy fix', async () => {
      const r = await runCli(['check', plan, '--format', 'sarif'], ROOT);
      expect(r.code).toBe(1);
      const sarif = JSON.parse(r.stdout);
      expect(sarif.version).toBe('2.1.0');
      const run = sarif.runs[0];
      const guard = run.results.filter((x: any) => x.ruleId.startsWith('HMS-GUARD-'));
      expect(guard.map((x: any) => `${x.ruleId} ${x.level} ${location(x)}`)).toEqual([
        `HMS-GUARD-1 error ${plan} aws_ebs_volume.data`,
        `HMS-GUARD-1 error ${plan} aws_kms_key.k["a"]`,
        `HMS-GUARD-2 note ${plan} aws_timestreamwrite_table.metrics`,
      ]);
      expect(guard[1].message.text).toBe(
        '[stateful-guard] aws_kms_key.k["a"] would be replaced: a KMS key: everything encrypted under it becomes unreadable; a changed attribute cannot be updated in place (customer_master_key_spec). If that is intended, re-run with --allow-destroy aws_kms_key.k["a"]',
      );
      // Every result's rule is described in the driver, as SARIF consumers require.
      const described = run.tool.driver.rules.map((x: any) => x.id);
      expect(run.results.filter((x: any) => !described.includes(x.ruleId))).toEqual([]);
      expect(run.tool.driver.rules.find((x: any) => x.id === 'HMS-GUARD-1').shortDescription.text).toBe('stateful resource deleted or replaced');
    });

    test('JUnit: one failing case per refused address; allowed and not judged pass and say so in system-out', async () => {
      const r = await runCli(['check', plan, '--format', 'junit', '--allow-destroy', 'aws_kms_key.k["a"]'], ROOT);
      expect(r.code).toBe(1);
      const suites = [...r.stdout.matchAll(/<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)"[^>]*>([\s\S]*?)<\/testsuite>/g)];
      expect(suites.map((m) => [m[1], m[2], m[3]])).toEqual([[plan, '4', '1']]);
      const cases = [...suites[0][4].matchAll(/<testcase classname="[^"]*" name="([^"]*)"(?:\/>|>([\s\S]*?)<\/testcase>)/g)].map((m) => ({ name: m[1], body: m[2] ?? '' }));
      expect(cases.map((c) => `${c.name} ${/<failure /.test(c.body) ? 'failed' : 'passed'}`)).toEqual([
        'policy checks passed passed',
        'HMS-GUARD-1 aws_ebs_volume.data failed',
        'HMS-GUARD-1 aws_kms_key.k[&quot;a&quot;] (allowed) passed',
        'HMS-GUARD-2 aws_timestreamwrite_table.metrics (not judged) passed',
      ]);
      expect(cases[1].body).toBe(
        '<failure message="stateful resource deleted or replaced">[stateful-guard] aws_ebs_volume.data would be deleted: an EBS volume: its data is lost; its configuration was removed. If that is intended, re-run with --allow-destroy aws_ebs_volume.data</failure>',
      );
      expect(cases[2].body).toMatch(/^<system-out>allowed: aws_kms_key\.k\[&quot;a&quot;\] will be replaced \(--allow-destroy\): a KMS key/);
      expect(cases[3].body).toMatch(/^<system-out>\[stateful-guard\] note: aws_timestreamwrite_table\.metrics would be deleted: hms-sys does not know/);
    });

    test('JSON: refusals, allowances and not-judged deletions each have their list', async () => {
      const r = await runCli(['check', plan, '--format', 'json', '--allow-destroy', 'aws_kms_key.k["a"]'], ROOT);
      expect(r.code).toBe(1);
      const json = JSON.parse(r.stdout);
      const addresses = (key: string) => json[key].map((f: { address: string }) => f.address);
      expect([addresses('guardRefusals'), addresses('guardAllowed'), addresses('guardNotJudged')]).toEqual([['aws_ebs_volume.data'], ['aws_kms_key.k["a"]'], ['aws_timestreamwrite_table.metrics']]);
    });
  });

  test("a plan saved beside its stack's cdk.tf.json is judged with that stack's acknowledgements, as hms-sys plan judges it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hms-check-'));
    const cluster = { name: 'c', azure_policy_enabled: false };
    const ack = { ruleId: 'HMS-AKS-11', reason: 'the add-on needs endpoints with no private link' };
    const resource = { address: 'azurerm_kubernetes_cluster.c', mode: 'managed', type: 'azurerm_kubernetes_cluster', name: 'c' };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ format_version: '1.2', terraform_version: '1.11.4', planned_values: { root_module: { resources: [{ ...resource, values: cluster }] } }, resource_changes: [{ ...resource, change: { actions: ['create'], before: null, after: cluster } }] }));
    const alone = await runCli(['check', join(dir, 'plan.json'), '--format', 'json'], ROOT);
    const status = (r: { stdout: string }) => (JSON.parse(r.stdout) as { findings: { ruleId: string; blocking: boolean; acknowledgedBecause?: string }[] }).findings.find((f) => f.ruleId === 'HMS-AKS-11');
    expect(status(alone)).toMatchObject({ blocking: true });
    writeFileSync(join(dir, 'cdk.tf.json'), JSON.stringify({ resource: { azurerm_kubernetes_cluster: { c: { ...cluster, '//': { 'hms-sys:acknowledgements': [ack] } } } } }));
    const beside = await runCli(['check', join(dir, 'plan.json'), '--format', 'json'], ROOT);
    expect(status(beside)).toMatchObject({ blocking: false, acknowledgedBecause: ack.reason });
  });

  test('--format json is the report', async () => {
    const r = await runCli(['check', `${FIXTURES}/insecure-k8s.tf.json`, '--format', 'json'], ROOT);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ packs: ['fedramp-moderate', 'hipaa'], blocking: 1 });
  });

  test('--format sarif --output writes SARIF for code scanning and prints the summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hms-check-'));
    const r = await runCli(['check', `${FIXTURES}/insecure-aws.tf.json`, '--format', 'sarif', '--output', join(dir, 'hms.sarif')], ROOT);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^✘ refused \(\d+ blocking findings\): scanned test\/policy\/fixtures\/insecure-aws.tf.json: 4 resources/m);
    const sarif = JSON.parse(readFileSync(join(dir, 'hms.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(`${FIXTURES}/insecure-aws.tf.json`);
  });

  test('--format junit', async () => {
    const r = await runCli(['check', `${FIXTURES}/insecure-k8s.tf.json`, '--format', 'junit'], ROOT);
    expect(r.stdout).toContain('<failure message="No container runs privileged">');
  });

  test('--pack hipaa and --strict', async () => {
    const r = await runCli(['check', `${FIXTURES}/insecure-k8s.tf.json`, '--pack', 'hipaa', '--strict'], ROOT);
    expect(r.stdout).toMatch(/\(hipaa, strict\)/);
  });

  test.each([
    [['check'], /name what to scan/],
    [['check', 'nowhere.json'], /nowhere.json does not exist/],
    [['check', 'README.md'], /reads .json files and folders/],
    [['check', `${FIXTURES}/plan.json`, '--format', 'html'], /--format html is not supported; formats: text, json, sarif, junit/],
    [['check', `${FIXTURES}/plan.json`, '--pack', 'pci'], /unknown policy pack "pci"/],
  ])('%p is a user error', async (argv, message) => {
    const r = await runCli(argv, ROOT);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
  });

  describe('hostile or broken input is one clear line and exit 1, never a hang, a stack trace or unbounded memory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hms-check-hostile-'));
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    const plan = (extra: Record<string, unknown>) => write(`plan-${Math.random().toString(36).slice(2)}.json`, JSON.stringify({ format_version: '1.2', terraform_version: '1.11.0', ...extra }));
    let deep = '{"address":"m0"}';
    for (let i = 0; i < 10000; i++) deep = `{"resources":[],"child_modules":[${deep}]}`;
    const cases: [string, () => string[], RegExp][] = [
      ['a FIFO named a.tf.json', () => { const f = join(dir, 'fifo-dir'); mkdirSync(f); execFileSync('mkfifo', [join(f, 'a.tf.json')]); return [f]; }, /a\.tf\.json is a FIFO \(named pipe\); hms-sys check reads regular files only/],
      ['a symlink to /dev/zero', () => { symlinkSync('/dev/zero', join(dir, 'zero.json')); return [join(dir, 'zero.json')]; }, /zero\.json is a device; hms-sys check reads regular files and folders only/],
      ['/dev/null', () => ['/dev/null'], /\/dev\/null is a device/],
      ['a symlink loop', () => { symlinkSync(join(dir, 'loop-b.json'), join(dir, 'loop-a.json')); symlinkSync(join(dir, 'loop-a.json'), join(dir, 'loop-b.json')); return [join(dir, 'loop-a.json')]; }, /loop-a\.json is a symbolic link that loops/],
      ['a manifest.json with a null stack', () => { const o = join(dir, 'out'); mkdirSync(o); writeFileSync(join(o, 'manifest.json'), '{"stacks":{"a":null}}'); return [o]; }, /manifest\.json: stacks\.a must be an object with a synthesizedStackPath/],
      ['a manifest path outside the folder', () => { const o = join(dir, 'out2'); mkdirSync(o); writeFileSync(join(o, 'manifest.json'), '{"stacks":{"a":{"synthesizedStackPath":"../../etc/passwd"}}}'); return [o]; }, /points outside/],
      ['resource_changes as an object', () => [plan({ resource_changes: {} })], /not a Terraform plan in the documented JSON format: resource_changes must be a list/],
      ['a null resource change', () => [plan({ resource_changes: [null] })], /resource_changes\[0\] must be an object/],
      ['non-string replace_paths', () => [plan({ resource_changes: [{ address: 'a.b', mode: 'managed', type: 'a', name: 'b', change: { actions: ['delete', 'create'], replace_paths: [[{}]] } }] })], /replace_paths must be a list of paths/],
      ['child_modules as an object', () => [plan({ planned_values: { root_module: { child_modules: {} } } })], /planned_values\.root_module\.child_modules must be a list/],
      ['a numeric address', () => [plan({ planned_values: { root_module: { resources: [{ address: 1, mode: 'managed', type: 'a', name: 'b' }] } } })], /resources\[0\]\.address must be a string/],
      ['a plan nested 10,000 modules deep', () => [write('deep.json', `{"format_version":"1.2","terraform_version":"1.11.0","planned_values":{"root_module":${deep}}}`)], /nested deeper than 512 levels/],
      ['{}', () => [write('empty.json', '{}')], /empty\.json holds no Terraform resources; nothing to scan/],
      ['[]', () => [write('list.json', '[]')], /list\.json holds no Terraform resources; nothing to scan/],
      ['a duplicate argument', () => [write('dup.tf.json', '{"resource":{"aws_ebs_volume":{"v":{"encrypted":false,"encrypted":true}}}}')], /the property "encrypted" is set twice/],
      ['the same address in two files', () => { const m = join(dir, 'twice'); mkdirSync(m); writeFileSync(join(m, 'a.tf.json'), '{"resource":{"aws_vpc":{"v":{}}}}'); writeFileSync(join(m, 'b.tf'), 'resource "aws_vpc" "v" {}\n'); return [m]; }, /aws_vpc\.v is defined more than once \(.*a\.tf\.json and .*b\.tf\)/],
    ];
    test.each(cases)('%s', async (_name, setup, message) => {
      const r = await runCli(['check', ...setup()], ROOT);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 1, stderr: expect.stringMatching(message) });
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    });

    test('--output into a missing folder is one line and exit 1', async () => {
      const r = await runCli(['check', `${FIXTURES}/insecure-k8s.tf.json`, '--output', join(dir, 'missing', 'report.txt')], ROOT);
      expect(r).toMatchObject({ code: 1, stderr: expect.stringMatching(/will not write --output .*report\.txt: the folder .*missing does not exist; create it first/) });
    });

    test('a guard refusal never prints a passing summary', async () => {
      const r = await runCli(['check', `${FIXTURES}/plan-deletes-volume.json`], ROOT);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^✘ refused \(1 stateful-guard refusal\)/m);
      expect(r.stdout).not.toMatch(/✔/);
    });

    test('an acknowledgement in the scanned file without a reason is not honoured; --ignore-acknowledgements honours none', async () => {
      const volume = (reason: string) => write(`ack-${reason.length}.tf.json`, JSON.stringify({ resource: { aws_ebs_volume: { v: { '//': { 'hms-sys:acknowledgements': [{ ruleId: 'HMS-EBS-1', reason }] }, availability_zone: 'a', size: 1, kms_key_id: 'k' } } } }));
      const empty = await runCli(['check', volume('')], ROOT);
      expect(empty.code).toBe(1);
      expect(empty.stdout).toMatch(/acknowledgement not honoured: HMS-EBS-1 .*a reason of at least 10 characters/);
      const reasoned = volume('scratch disk, no federal data, SEC-42');
      expect(await runCli(['check', reasoned], ROOT)).toMatchObject({ code: 0, stdout: expect.stringMatching(/1 acknowledged$/m) });
      expect(await runCli(['check', reasoned, '--ignore-acknowledgements'], ROOT)).toMatchObject({ code: 1, stdout: expect.stringMatching(/0 acknowledged$/m) });
    });

    test('a folder that calls local modules is scanned with them; a remote module is listed as not scanned and blocks only with --strict', async () => {
      const r = await runCli(['check', 'test/policy/corpus/modules'], ROOT);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^module not scanned: module\.vpc \(terraform-aws-modules\/vpc\/aws\) in test\/policy\/corpus\/modules\/main\.tf: hms-sys scans local module code only/m);
      expect(r.stdout).toMatch(/; 1 module not scanned$/m);
      const sarif = JSON.parse((await runCli(['check', 'test/policy/corpus/modules', '--format', 'sarif'], ROOT)).stdout);
      const located = sarif.runs[0].results.filter((x: any) => x.ruleId === 'HMS-SG-1').map((x: any) => `${x.locations[0].physicalLocation.artifactLocation.uri} ${x.locations[0].logicalLocations[0].name}`);
      expect(located.sort()).toEqual([
        'test/policy/corpus/modules/modules/security-group/main.tf module.bastion.aws_security_group.this',
        'test/policy/corpus/modules/modules/security-group/main.tf module.per_team["audit"].aws_security_group.this',
      ]);
      const onlyRemote = write('remote-only.tf', 'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n}\n');
      const folder = join(dir, 'remote-only');
      mkdirSync(folder);
      writeFileSync(join(folder, 'main.tf'), readFileSync(onlyRemote));
      expect(await runCli(['check', folder], ROOT)).toMatchObject({ code: 1, stderr: expect.stringMatching(/nothing to scan; it calls only modules hms-sys does not read: module\.vpc \(terraform-aws-modules\/vpc\/aws\)/) });
      writeFileSync(join(folder, 'account.tf'), 'resource "aws_ebs_encryption_by_default" "on" {\n  enabled = true\n}\n');
      expect(await runCli(['check', folder], ROOT)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^✔ .*; 1 module not scanned$/m) });
      expect(await runCli(['check', folder, '--strict'], ROOT)).toMatchObject({ code: 1, stdout: expect.stringMatching(/^✘ refused \(1 module not scanned \(strict\)\)/m) });
    });

    test('file() reads only inside the scanned folder: a file outside it is never read, and the value is unknown', async () => {
      const folder = join(dir, 'file-outside');
      mkdirSync(folder);
      writeFileSync(join(dir, 'outside.json'), '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}');
      writeFileSync(join(folder, 'inside.json'), '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}');
      writeFileSync(join(folder, 'main.tf'), 'resource "aws_iam_policy" "outside" {\n  policy = file("../outside.json")\n}\nresource "aws_iam_policy" "inside" {\n  policy = file("inside.json")\n}\n');
      const findings = JSON.parse((await runCli(['check', folder, '--format', 'json'], ROOT)).stdout).findings.filter((f: any) => f.ruleId === 'HMS-IAM-1');
      expect(findings.map((f: any) => [f.resource, f.status, f.unknownCause]).sort()).toEqual([
        ['aws_iam_policy.inside', 'fail', undefined],
        ['aws_iam_policy.outside', 'unknown', 'unreadable'],
      ]);
    });

    test('SARIF locations and JUnit suites are the inputs as given, even when two share a file name', async () => {
      const a = join(dir, 'a'); const b = join(dir, 'b');
      mkdirSync(a); mkdirSync(b);
      writeFileSync(join(a, 'main.tf.json'), '{"resource":{"aws_ebs_volume":{"one":{"availability_zone":"a","size":1}}}}');
      writeFileSync(join(b, 'main.tf.json'), '{"resource":{"aws_ebs_volume":{"two":{"availability_zone":"a","size":1,"encrypted":true,"kms_key_id":"k"}}}}');
      const sarif = JSON.parse((await runCli(['check', join(a, 'main.tf.json'), join(b, 'main.tf.json'), '--format', 'sarif'], ROOT)).stdout);
      const uris = sarif.runs[0].results.map((x: any) => `${x.locations[0].physicalLocation.artifactLocation.uri} ${x.locations[0].logicalLocations[0].name}`);
      expect(new Set(uris)).toEqual(new Set([`${join(a, 'main.tf.json')} aws_ebs_volume.one`]));
      const junit = (await runCli(['check', join(a, 'main.tf.json'), join(b, 'main.tf.json'), '--format', 'junit'], ROOT)).stdout;
      expect(junit.match(/<testcase /g)).toHaveLength(2 + 2); // one passed case per suite, one case per failed rule on aws_ebs_volume.one
    });
  });
});
