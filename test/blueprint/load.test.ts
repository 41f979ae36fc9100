import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadBlueprintFile, loadBlueprints, MAX_BLUEPRINT_BYTES, parseBlueprint } from '../../lib/blueprint/load';
import type { BlueprintProblem } from '../../lib/core/errors';
import { DEFAULT_KUBERNETES_VERSION } from '../../lib/core/kubernetes-versions';
import { blueprintProblems } from '../support/problems';
import { EXAMPLE_BLUEPRINT_PATH } from '../support/synth';

const VALID = `nodePool:
  name: dcaa-secure
  count: 10
  runtime: fips-ubuntu-22.04
  baseline: cis-level-2
storage:
  volume:
    name: contract-pdfs
    size: 1Ti
    encryption: aes256
network:
  policy:
    name: dcaa-isolated
    ingressCIDR: "192.168.15.0/24"
    egress: "deny-all"
workload:
  image: ghcr.io/hms/dcaa-audit:v1.0
  replicas: 10
`;

/** Support calendars move with the clock: version cases are judged on this fixed day. */
const TODAY = new Date('2026-11-22T12:00:00Z');

function problemsOf(source: string | Buffer, file = 'blueprints/bad.yml', today = TODAY): BlueprintProblem[] {
  return blueprintProblems(source, file, today);
}

describe('loadBlueprintFile', () => {
  test('accepts the example blueprint verbatim, comment and all, with documented defaults', () => {
    const bp = loadBlueprintFile(EXAMPLE_BLUEPRINT_PATH, 'blueprints/dcaa-audit.yml');
    expect(bp).toMatchObject({
      name: 'dcaa-audit',
      clouds: ['aws', 'azure'],
      kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
      logRetentionDays: 365,
      nodePool: { name: 'dcaa-secure', count: 10, minCount: 10, maxCount: 10, runtime: 'fips-ubuntu-22.04', baseline: 'cis-level-2', diskSizeGiB: 100, metadataHopLimit: 1 },
      // Ten replicas read the PDFs: shared file storage, mounted at the documented default.
      storage: { volume: { name: 'contract-pdfs', sizeGiB: 1024, encryption: 'aes256', mountPath: '/data/pdfs', readOnly: false, kind: 'file' } },
      network: { policy: { name: 'dcaa-isolated', ingressCIDR: '192.168.15.0/24', egress: 'deny-all' } },
      workload: { image: 'ghcr.io/hms/dcaa-audit:v1.0', replicas: 10 },
      aws: { region: 'us-gov-west-1', vpcCidr: '10.40.0.0/16', availabilityZones: 3, instanceType: 'm6i.xlarge', fipsEndpoints: false, clusterAdminArns: [] },
    });
  });

  test('converts binary sizes to GiB', () => {
    expect(parseBlueprint(VALID.replace('size: 1Ti', 'size: 500Gi'), 'a.yml').storage?.volume.sizeGiB).toBe(500);
  });

  test('an explicit name overrides the file name', () => {
    expect(parseBlueprint(`name: other\n${VALID}`, 'blueprints/x.yml').name).toBe('other');
  });

  test('"storage: none" declares a workload without data; the workload is optional', () => {
    const bp = parseBlueprint(VALID.replace(/storage:[\s\S]*?(?=network:)/, 'storage: none\n').replace(/workload:[\s\S]*$/, ''), 'a.yml');
    expect(bp.storage).toBeUndefined();
    expect(bp.workload).toBeUndefined();
  });

  test('one replica gets a block volume, several share file storage', () => {
    expect(parseBlueprint(VALID, 'a.yml').storage?.volume.kind).toBe('file');
    expect(parseBlueprint(VALID.replace('replicas: 10', 'replicas: 1'), 'a.yml').storage?.volume.kind).toBe('block');
    expect(parseBlueprint(VALID.replace(/workload:[\s\S]*$/, ''), 'a.yml').storage?.volume.kind).toBe('block');
  });

  test('a version near the end of its support is accepted with a located warning', () => {
    const bp = parseBlueprint(`kubernetesVersion: "1.34"\n${VALID}`, 'blueprints/x.yml', { today: TODAY });
    expect(bp.warnings.map((w) => `${w.line} ${w.path} ${w.message}`)).toEqual([
      expect.stringMatching(/^1 kubernetesVersion Kubernetes 1.34 leaves EKS standard support on 2026-12-02, 10 days from now/),
      expect.stringMatching(/^1 kubernetesVersion Kubernetes 1.34 leaves AKS standard support on 2026-11-30, 8 days from now/),
    ]);
    expect(parseBlueprint(VALID, 'a.yml', { today: TODAY }).warnings).toEqual([]);
  });

  test('a missing file is a user error naming the path', () => {
    expect(() => loadBlueprintFile('/nonexistent/x.yml')).toThrow(/\/nonexistent\/x.yml {2}does not exist/);
  });
});

describe('parseBlueprint refuses bad blueprints with file, line, field and a fix', () => {
  // [case, yaml, expected field path, expected line (0 = whole file), message pattern]
  const cases: [string, string, string, number, RegExp][] = [
    ['empty file', '', '', 0, /is empty/],
    ['only a comment', '# nothing here\n', '', 0, /is empty/],
    ['a list at the root', '- nodePool\n- network\n', '', 1, /top level is a list; it must be a mapping/],
    ['a scalar at the root', 'hello\n', '', 1, /top level is a single value/],
    ['invalid YAML', 'nodePool: [\n', '', 2, /not valid YAML/],
    ['duplicate keys', VALID.replace('  count: 10\n', '  count: 10\n  count: 11\n'), '', 4, /appears twice/],
    ['several documents', `${VALID}---\n${VALID}`, '', 19, /several YAML documents/],
    ['custom YAML tag', VALID.replace('count: 10', 'count: !!js/function 10'), '', 3, /!tags|tag/i],
    ['misspelt key with suggestion', VALID.replace('count: 10', 'cout: 10'), 'nodePool.cout', 3, /unknown field "cout"; did you mean "count"\?/],
    ['unknown top-level section', `${VALID}monitoring: true\n`, 'monitoring', 19, /unknown field "monitoring"; allowed: name, clouds/],
    ['wrong case key', VALID.replace('ingressCIDR', 'ingressCidr'), 'network.policy.ingressCidr', 14, /did you mean "ingressCIDR"/],
    ['missing required section', VALID.replace(/network:[\s\S]*?(?=workload:)/, ''), 'network', 1, /required section is missing/],
    ['missing runtime lists choices', VALID.replace('  runtime: fips-ubuntu-22.04\n', ''), 'nodePool.runtime', 1, /required; allowed: fips-ubuntu-22.04, bottlerocket-fips/],
    ['non-FIPS runtime (SC-13)', VALID.replace('fips-ubuntu-22.04', 'ubuntu-22.04'), 'nodePool.runtime', 4, /"ubuntu-22.04" is not a FIPS 140 validated runtime \(NIST 800-53 SC-13\); allowed: fips-ubuntu-22.04, bottlerocket-fips/],
    ['unknown baseline', VALID.replace('cis-level-2', 'cis-level-3'), 'nodePool.baseline', 5, /allowed: cis-level-1, cis-level-2/],
    ['count as text', VALID.replace('count: 10', 'count: ten'), 'nodePool.count', 3, /expected a whole number from 1 to 450, received "ten"/],
    ['count zero', VALID.replace('count: 10', 'count: 0'), 'nodePool.count', 3, /must be a whole number from 1 to 450, received 0/],
    ['fractional replicas', VALID.replace('replicas: 10', 'replicas: 2.5'), 'workload.replicas', 18, /whole number/],
    ['maxCount below count', VALID.replace('count: 10', 'count: 10\n  maxCount: 5'), 'nodePool.maxCount', 4, /maxCount \(5\) must be >= count \(10\)/],
    ['decimal size unit', VALID.replace('size: 1Ti', 'size: 1TB'), 'storage.volume.size', 9, /"1TB" is not a size; use a whole number with Gi or Ti, e.g. 500Gi or 1Ti/],
    ['size as a number', VALID.replace('size: 1Ti', 'size: 1024'), 'storage.volume.size', 9, /expected text, received 1024/],
    ['storage section left out', VALID.replace(/storage:[\s\S]*?(?=network:)/, ''), 'storage', 1, /required; add a storage section .* or write "storage: none" if it keeps no data/],
    ['storage as an unknown word', VALID.replace(/storage:[\s\S]*?(?=network:)/, 'storage: nothing\n'), 'storage', 6, /expected a mapping with a volume, or "none"; received "nothing"/],
    ['misspelt key inside the volume', VALID.replace('encryption: aes256', 'encrypton: aes256'), 'storage.volume.encrypton', 10, /did you mean "encryption"/],
    ['mount path not absolute', VALID.replace('encryption: aes256', 'mountPath: data'), 'storage.volume.mountPath', 10, /not an absolute folder path/],
    ['mount path over a system folder', VALID.replace('encryption: aes256', 'mountPath: /etc/pdfs'), 'storage.volume.mountPath', 10, /would hide a system folder/],
    ['mount path with ..', VALID.replace('encryption: aes256', 'mountPath: /data/../etc'), 'storage.volume.mountPath', 10, /holds "." or ".."/],
    ['dynamic provisioning of shared storage', VALID.replace('encryption: aes256', 'provisioning: dynamic'), 'storage.volume.provisioning', 10, /"dynamic" applies to a block volume, which one replica mounts/],
    ['block volume over the gp3 limit', VALID.replace('size: 1Ti', 'size: 17Ti').replace('replicas: 10', 'replicas: 1'), 'storage.volume.size', 9, /at most 16Ti/],
    ['shared volume below the Azure Files minimum', VALID.replace('size: 1Ti', 'size: 50Gi'), 'storage.volume.size', 9, /Azure Files premium NFS share .*100Gi to 102400Gi/],
    ['unknown encryption', VALID.replace('encryption: aes256', 'encryption: rot13'), 'storage.volume.encryption', 10, /allowed: aes256/],
    ['malformed CIDR', VALID.replace('192.168.15.0/24', '192.168.15/24'), 'network.policy.ingressCIDR', 14, /not an IPv4 CIDR/],
    ['CIDR octet over 255', VALID.replace('192.168.15.0/24', '192.168.300.0/24'), 'network.policy.ingressCIDR', 14, /not an IPv4 CIDR/],
    ['CIDR with host bits', VALID.replace('192.168.15.0/24', '192.168.15.7/24'), 'network.policy.ingressCIDR', 14, /did you mean "192.168.15.0\/24"/],
    ['egress allow-all (SC-7(5))', VALID.replace('"deny-all"', 'allow-all'), 'network.policy.egress', 15, /"allow-all" is not allowed: egress is denied by default .*SC-7\(5\).*allowed: deny-all/],
    ['ingress from the whole internet (SC-7)', VALID.replace('192.168.15.0/24', '0.0.0.0/0'), 'network.policy.ingressCIDR', 14, /opens the workload to the whole internet \(NIST 800-53 SC-7, AC-4/],
    ['ingress wider than /8', VALID.replace('192.168.15.0/24', '10.0.0.0/7'), 'network.policy.ingressCIDR', 14, /wider than \/8/],
    ['image tagged latest (CM-2)', VALID.replace('dcaa-audit:v1.0', 'dcaa-audit:latest'), 'workload.image', 17, /tagged latest.*CM-2.*HMS-K8S-9/],
    ['image without a tag', VALID.replace('dcaa-audit:v1.0', 'dcaa-audit'), 'workload.image', 17, /is not tagged/],
    ['Terraform interpolation', VALID.replace('dcaa-secure', '"${file(\\"/etc/passwd\\")}"'), 'nodePool.name', 2, /Terraform would evaluate as an expression/],
    ['Terraform template directive', VALID.replace('ghcr.io/hms/dcaa-audit:v1.0', '"ghcr.io/x:%{if true}y%{endif}"'), 'workload.image', 17, /expression/],
    ['control characters', VALID.replace('dcaa-isolated', '"dcaa\\u0007isolated"'), 'network.policy.name', 13, /control/],
    ['upper-case name', VALID.replace('dcaa-secure', 'DCAA_Secure'), 'nodePool.name', 2, /not a valid name; use lowercase letters/],
    ['name too long', VALID.replace('dcaa-secure', 'a'.repeat(40)), 'nodePool.name', 2, /longer than 32 characters/],
    ['bad image reference', VALID.replace('ghcr.io/hms/dcaa-audit:v1.0', '"ghcr.io/hms/dcaa audit:v1.0"'), 'workload.image', 17, /not an image reference/],
    ['section as a scalar', VALID.replace(/workload:[\s\S]*$/, 'workload: yes\n'), 'workload', 16, /expected a mapping of fields, received "yes"/],
    ['unknown cloud', `clouds: [aws, gcp]\n${VALID}`, 'clouds.1', 1, /"gcp" is not allowed; allowed: aws, azure/],
    ['cloud listed twice', `clouds: [aws, aws]\n${VALID}`, 'clouds', 1, /lists a cloud twice/],
    ['unknown Kubernetes version', `kubernetesVersion: "1.25"\n${VALID}`, 'kubernetesVersion', 1, /"1.25" is not allowed; allowed: 1.37, 1.36, 1.35/],
    ['Kubernetes version as a number', `kubernetesVersion: 1.30\n${VALID}`, 'kubernetesVersion', 1, /received 1.3; allowed: 1.37, .* \(put numbers in quotes, e.g. "1.37"\)/],
    ['Kubernetes version EKS does not offer', `kubernetesVersion: "1.37"\n${VALID}`, 'kubernetesVersion', 1, /EKS does not offer Kubernetes 1.37; choose one of "1.36", "1.35"/],
    ['log retention CloudWatch cannot keep', `logRetentionDays: 100\n${VALID}`, 'logRetentionDays', 1, /100 is not allowed; allowed: 0, 1, 3/],
    ['reserved tag prefix', `tags:\n  "aws:owner": me\n${VALID}`, 'tags.aws:owner', 2, /reserved by AWS/],
    ['bad region', `aws:\n  region: usgov-west-1\n${VALID}`, 'aws.region', 2, /not an AWS region/],
    ['VPC prefix too small', `aws:\n  vpcCidr: 10.0.0.0/8\n${VALID}`, 'aws.vpcCidr', 2, /use a prefix from \/16 to \/20/],
    ['one availability zone', `aws:\n  availabilityZones: 1\n${VALID}`, 'aws.availabilityZones', 2, /from 2 to 6/],
    ['bad AMI id', `aws:\n  nodeImageId: ubuntu-fips\n${VALID}`, 'aws.nodeImageId', 2, /not an AMI id/],
    ['bad admin ARN', `aws:\n  clusterAdminArns: [admin]\n${VALID}`, 'aws.clusterAdminArns.0', 2, /not an IAM role or user ARN/],
    ['hop limit 3', VALID.replace('count: 10', 'count: 10\n  metadataHopLimit: 3'), 'nodePool.metadataHopLimit', 4, /allowed: 1, 2/],
    ['prototype pollution key', `__proto__:\n  polluted: true\n${VALID}`, '__proto__', 1, /a key named "__proto__" cannot be used: JavaScript reads it as an object's prototype/],
    ['__proto__ as a tag key (dropped without a word before)', `tags:\n  owner: dcaa\n  __proto__: x\n${VALID}`, '__proto__', 3, /a key named "__proto__" cannot be used/],
    ['an alias without its anchor (said "too many aliases" before)', `tags:\n  owner: *nope\n${VALID}`, '*nope', 2, /the alias \*nope has no anchor &nope before it; define the anchor first/],
    ['a YAML 1.1 merge key (read as a key named "<<" before)', `x-defaults: &d\n  count: 10\ntags:\n  <<: *d\n${VALID}`, '<<', 4, /merge keys \("<<: \*anchor"\) are not part of YAML 1\.2/],
    ['boolean as text', `aws:\n  fipsEndpoints: "yes"\n${VALID}`, 'aws.fipsEndpoints', 2, /expected true or false/],
    ['agent execution without a pool', `terraformCloud:\n  organization: dcaa\n  executionMode: agent\n${VALID}`, 'terraformCloud.agentPoolId', 1, /required when executionMode is agent/],
    [
      'a webhook URL in the blueprint (its secret would be copied into cdk.tf.json)',
      `terraformCloud:\n  organization: dcaa\n  notificationUrl: https://hooks.slack.com/services/T00/B00/XXXXXXXX\n${VALID}`,
      'terraformCloud.notificationUrl',
      3,
      /remove notificationUrl, set "notifications: true", and give the URL when applying the workspaces stack: TF_VAR_notification_url=/,
    ],
    ['Terraform Cloud project with a path and a quote', `terraformCloud:\n  organization: dcaa\n  project: "a/../b\\"q"\n${VALID}`, 'terraformCloud.project', 3, /not a project name; letters, digits, spaces, "-" and "_"/],
    ['Terraform Cloud host with an empty label', `terraformCloud:\n  organization: dcaa\n  hostname: tfe..agency.gov\n${VALID}`, 'terraformCloud.hostname', 3, /not a host name/],
    ['Terraform Cloud host that is an address', `terraformCloud:\n  organization: dcaa\n  hostname: 169.254.169.254\n${VALID}`, 'terraformCloud.hostname', 3, /not a host name/],
    ['CIDR with a leading zero in an octet', VALID.replace('192.168.15.0/24', '192.168.015.0/24'), 'network.policy.ingressCIDR', 14, /has a leading zero, which some tools read as an octal number; write it plainly: "192\.168\.15\.0\/24"/],
    ['CIDR with a leading zero in the prefix', VALID.replace('"192.168.15.0/24"', '"10.0.0.0/08"'), 'network.policy.ingressCIDR', 14, /has a leading zero.* "10\.0\.0\.0\/8"/],
    ['VPC CIDR with a leading zero', `aws:\n  vpcCidr: 10.040.0.0/16\n${VALID}`, 'aws.vpcCidr', 2, /has a leading zero/],
    ['an Azure zone listed twice', `azure:\n  zones: ["1", "1"]\n${VALID}`, 'azure.zones', 2, /lists a zone twice/],
    ['a byte order mark in a tag key', `tags:\n  "\ufeffowner": dcaa\n${VALID}`, 'tags.\ufeffowner', 2, /tag key "\\u\{feff\}owner": tag keys may hold letters, digits, plain spaces/],
    ['a zero-width space in a tag key', `tags:\n  "own\u200ber": dcaa\n${VALID}`, 'tags.own\u200ber', 2, /"own\\u\{200b\}er".*no invisible characters/],
    ['a zero-width joiner in a tag value', `tags:\n  owner: "dc\u200daa"\n${VALID}`, 'tags.owner', 2, /tag values may hold/],
    ['a no-break space in a tag key', `tags:\n  "cost\u00a0center": x\n${VALID}`, 'tags.cost\u00a0center', 2, /tag keys may hold/],
    ['a tag key hms-sys sets itself', `tags:\n  hms-sys:source: forged\n${VALID}`, 'tags.hms-sys:source', 2, /is set by hms-sys on every resource/],
    ['a tag key with a slash, on Azure', `tags:\n  team/owner: x\n${VALID}`, 'tags.team/owner', 2, /Azure tag names may not hold/],
    ['tag keys that differ only in case, on Azure', `tags:\n  Owner: a\n  owner: b\n${VALID}`, 'tags.owner', 3, /Azure treats tag names that differ only in case as one/],
    ['a Network Watcher name with ../', `azure:\n  networkWatcherName: ../../subscriptions/x\n${VALID}`, 'azure.networkWatcherName', 2, /not a Network Watcher name/],
    ['a Network Watcher resource group with a quote', `azure:\n  networkWatcherResourceGroup: 'rg"x'\n${VALID}`, 'azure.networkWatcherResourceGroup', 2, /not a resource group name/],
    ['a Network Watcher resource group with ../', `azure:\n  networkWatcherResourceGroup: ../rg\n${VALID}`, 'azure.networkWatcherResourceGroup', 2, /not a resource group name/],
    ['AKS node pool named system', VALID.replace('name: dcaa-secure', 'name: system'), 'nodePool.name', 2, /is "system" on AKS .* a name the cluster's system pool uses \(system, systemtmp\)/],
    ['AKS node pool that becomes system', VALID.replace('name: dcaa-secure', 'name: sys-tem'), 'nodePool.name', 2, /"sys-tem" is "system" on AKS/],
    ["AKS node pool named like the system pool's rotation", VALID.replace('name: dcaa-secure', 'name: systemtmp'), 'nodePool.name', 2, /"systemtmp" is "systemtmp" on AKS/],
    ['state bucket with two periods in a row', `stateBucket:\n  bucket: agency..state\n${VALID}`, 'stateBucket.bucket', 2, /holds two periods in a row/],
    ['state bucket named like an IP address', `stateBucket:\n  bucket: 192.168.5.4\n${VALID}`, 'stateBucket.bucket', 2, /formatted as an IP address/],
    ['state bucket with a reserved suffix', `stateBucket:\n  bucket: agency-state-s3alias\n${VALID}`, 'stateBucket.bucket', 2, /suffixes .* are reserved/],
    ['bottlerocket-fips with an AMI', `aws:\n  nodeImageId: ami-0123456789abcdef0\n${VALID.replace('fips-ubuntu-22.04', 'bottlerocket-fips')}`, 'aws.nodeImageId', 2, /applies to runtime fips-ubuntu-22.04 only/],
    ['a blueprint named like a system namespace', `name: kube-system\n${VALID}`, 'name', 1, /belong to Kubernetes itself; choose another name/],
    ['state in two places', `stateBucket:\n  bucket: dcaa-state\nterraformCloud:\n  organization: dcaa\n${VALID}`, 'stateBucket', 2, /choose one place for state/],
    ['unknown Azure cloud', `azure:\n  environment: china\n${VALID}`, 'azure.environment', 2, /allowed: usgovernment, public/],
    ['bad Azure location', `azure:\n  location: US Gov Virginia\n${VALID}`, 'azure.location', 2, /not an Azure location; e.g. usgovvirginia/],
    ['bad Azure zone', `azure:\n  zones: ["4"]\n${VALID}`, 'azure.zones.0', 2, /allowed zones: "1", "2", "3"/],
    ['admin group not a GUID', `azure:\n  adminGroupObjectIds: [platform-admins]\n${VALID}`, 'azure.adminGroupObjectIds.0', 2, /not an Entra ID object id/],
    ['bad VM size', `azure:\n  vmSize: D4s_v5\n${VALID}`, 'azure.vmSize', 2, /not an Azure VM size; e.g. Standard_D4s_v5/],
    ['block volume over the Azure disk limit', `clouds: [azure]\n${VALID.replace('size: 1Ti', 'size: 40Ti').replace('replicas: 10', 'replicas: 1')}`, 'storage.volume.size', 10, /larger than an Azure managed disk can be; use at most 32767Gi/],
  ];

  test.each(cases)('%s', (_name, yaml, path, line, message) => {
    const problems = problemsOf(yaml);
    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'blueprints/bad.yml', path, line, message: expect.stringMatching(message) }),
    );
  });

  test('reports every problem at once, sorted by line', () => {
    const yaml = VALID.replace('count: 10', 'count: ten').replace('size: 1Ti', 'size: 1TB').replace('"deny-all"', 'open');
    const problems = problemsOf(yaml);
    expect(problems.map((p) => p.path)).toEqual(['nodePool.count', 'storage.volume.size', 'network.policy.egress']);
  });

  test('an alias bomb is refused quickly', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const started = Date.now();
    const problems = problemsOf(`${levels.join('\n')}\n${VALID}`);
    expect(problems[0].message).toMatch(/too many aliases/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('deep nesting is refused before parsing', () => {
    expect(problemsOf(`${'['.repeat(10000)}${']'.repeat(10000)}`)[0].message).toMatch(/nested more than 32 levels/);
  });

  test('binary junk is refused as not text', () => {
    expect(problemsOf(Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x80]))[0].message).toMatch(/not a UTF-8 text file/);
  });

  test('a NUL byte in text is refused', () => {
    expect(problemsOf(`${VALID}\u0000`)[0].message).toMatch(/not a UTF-8 text file/);
  });

  test('an oversized file is refused with the limit', () => {
    expect(problemsOf(`# ${'x'.repeat(MAX_BLUEPRINT_BYTES)}\n${VALID}`)[0].message).toMatch(/at most 65536 bytes/);
  });

  test('a file name that cannot name a stack asks for a rename or a name field', () => {
    expect(problemsOf(VALID, 'blueprints/DCAA Audit.yml')[0].message).toMatch(/the file name "DCAA Audit" cannot name stacks: .*; rename the file or set "name:"/);
    // Named by its file, a blueprint obeys the length of "name:" too: IAM role names derived from it stop at 64 characters.
    expect(problemsOf(VALID, `blueprints/${'b'.repeat(60)}.yml`)[0].message).toMatch(/the file name "b{60}" cannot name stacks: is longer than 32 characters; rename the file or set "name:"/);
    expect(problemsOf(VALID, 'blueprints/default.yml')[0].message).toMatch(/the file name "default" names the blueprint's Kubernetes namespace/);
  });

  test('brackets in a comment or a quoted string are text, not nesting', () => {
    expect(() => parseBlueprint(`# ${'['.repeat(40)}\n${VALID}`, 'a.yml', { today: TODAY })).not.toThrow();
    const quoted = parseBlueprint(VALID.replace('name: dcaa-isolated', `name: dcaa-isolated # ${'{'.repeat(40)}`), 'a.yml', { today: TODAY });
    expect(quoted.network.policy.name).toBe('dcaa-isolated');
    expect(problemsOf(`tags: ${'['.repeat(33)}${']'.repeat(33)}\n${VALID}`)[0].message).toMatch(/nested more than 32 levels/);
  });

  describe('workload.allowedRegistries matches whole path segments', () => {
    const withRegistries = (image: string, registries: string) => VALID.replace('ghcr.io/hms/dcaa-audit:v1.0', image).replace('  replicas: 10', `  replicas: 10\n  allowedRegistries: [${registries}]`);
    test.each([
      ['ghcr.io/hmsevil/dcaa-audit:v1.0', 'ghcr.io/hms'],
      ['ghcr.io.evil.example/hms/dcaa-audit:v1.0', 'ghcr.io'],
      ['ghcr.io/hms-mirror/dcaa-audit:v1.0', 'ghcr.io/hms'],
      ['ghcr.io/dcaa-audit:v1.0', 'ghcr.io/hms'],
    ])('%s is not from %s', (image, registries) => {
      // ghcr.io.evil.example is also refused on AWS, whose nodes cannot pull it (test/blueprint/aws-fields.test.ts).
      const registryProblems = problemsOf(withRegistries(image, registries)).filter((p) => !p.message.startsWith('cannot be pulled on AWS'));
      expect(registryProblems).toEqual([
        expect.objectContaining({ path: 'workload.image', line: 17, message: expect.stringMatching(/is not from an allowed registry \(NIST 800-53 CM-7\(5\), SI-7\)/) }),
      ]);
    });
    test.each([
      ['ghcr.io/hms/dcaa-audit:v1.0', 'ghcr.io/hms'],
      ['ghcr.io/hms/team/dcaa-audit:v1.0', 'ghcr.io/hms'],
      ['ghcr.io/hms/dcaa-audit:v1.0', 'quay.io, ghcr.io'],
    ])('%s is from %s', (image, registries) => {
      expect(parseBlueprint(withRegistries(image, registries), 'a.yml', { today: TODAY }).workload?.image).toBe(image);
    });
  });

  test('near misses of the refusals above are accepted', () => {
    const accepted = [
      VALID.replace('name: dcaa-secure', 'name: systems'),
      `stateBucket:\n  bucket: agency.state.v2\n${VALID}`,
      `clouds: [aws]\ntags:\n  team/owner: x\n${VALID}`,
      `tags:\n  cost center: "DCAA / audit"\n${VALID}`,
      `azure:\n  networkWatcherName: NetworkWatcher_usgovvirginia\n  networkWatcherResourceGroup: NetworkWatcherRG\n${VALID}`,
      `clouds: [azure]\naws:\n  nodeImageId: ami-0123456789abcdef0\n${VALID.replace('fips-ubuntu-22.04', 'bottlerocket-fips')}`,
    ];
    for (const yaml of accepted) expect(() => parseBlueprint(yaml, 'a.yml', { today: TODAY })).not.toThrow();
  });

  test('messages carry no stack trace', () => {
    try {
      parseBlueprint(VALID.replace('count: 10', 'cout: 10'), 'blueprints/bad.yml');
    } catch (e) {
      expect((e as Error).message).toContain('blueprints/bad.yml:3:3  nodePool.cout: unknown field');
      expect((e as Error).message).not.toMatch(/\n\s+at /);
    }
    expect.assertions(2);
  });
});

describe('loadBlueprints', () => {
  test('expands a folder to its blueprints in name order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hms-bp-'));
    writeFileSync(join(dir, 'b.yml'), VALID);
    writeFileSync(join(dir, 'a.yaml'), VALID);
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    expect(loadBlueprints([dir]).map((b) => b.name)).toEqual(['a', 'b']);
  });

  test('reports problems of every file together', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hms-bp-'));
    writeFileSync(join(dir, 'one.yml'), VALID.replace('count: 10', 'count: -1'));
    writeFileSync(join(dir, 'two.yml'), VALID.replace('size: 1Ti', 'size: big'));
    expect(() => loadBlueprints([dir], dir)).toThrow(/2 problems[\s\S]*one.yml:3:10[\s\S]*two.yml:9:11/);
  });

  test('refuses two blueprints with the same name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hms-bp-'));
    writeFileSync(join(dir, 'one.yml'), `name: same\n${VALID}`);
    writeFileSync(join(dir, 'two.yml'), `name: same\n${VALID}`);
    expect(() => loadBlueprints([dir], dir)).toThrow(/blueprint name "same" is also used by one.yml/);
  });

  test('only regular files are read, never more than the limit: a FIFO, a link to /dev/zero, a link loop', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hms-bp-'));
    execFileSync('mkfifo', [join(dir, 'fifo.yml')]);
    symlinkSync('/dev/zero', join(dir, 'zero.yml'));
    symlinkSync(join(dir, 'loop-b.yml'), join(dir, 'loop-a.yml'));
    symlinkSync(join(dir, 'loop-a.yml'), join(dir, 'loop-b.yml'));
    const started = Date.now();
    expect(() => loadBlueprints([dir], dir)).toThrow(
      /fifo\.yml {2}is not a file[\s\S]*loop-a\.yml {2}is a loop of symbolic links[\s\S]*loop-b\.yml {2}is a loop of symbolic links[\s\S]*zero\.yml {2}is not a file/,
    );
    expect(Date.now() - started).toBeLessThan(5000);
  });

  test('a folder without blueprints is an error', () => {
    expect(() => loadBlueprints([mkdtempSync(join(tmpdir(), 'hms-bp-'))])).toThrow(/holds no .yml or .yaml blueprints/);
  });
});
