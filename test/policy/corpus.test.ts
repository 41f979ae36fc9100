/**
 * The corpus: insecure and secure configurations in Terraform JSON and HCL,
 * spelled every way the issue names, run by `hms-sys check`, with the expected
 * result of each rule on each resource in one table. The last test reports the
 * agreement (it must be 100%).
 */
import { join } from 'node:path';
import { runCli } from '../support/cli';

const ROOT = join(__dirname, '..', '..');
const CORPUS = 'test/policy/corpus';

type Expected = 'FAIL' | 'pass' | 'unknown' | 'blocking unknown';

/** [input, resource, rule, expected]. */
const TABLE: readonly (readonly [string, string, string, Expected])[] = [
  ['spellings.tf.json', 'aws_security_group.ssh_halves', 'HMS-SG-1', 'FAIL'],
  ['spellings.tf.json', 'aws_security_group.ssh_ipv6_zero', 'HMS-SG-1', 'FAIL'],
  ['spellings.tf.json', 'aws_security_group.ssh_ipv6_expanded', 'HMS-SG-1', 'FAIL'],
  ['spellings.tf.json', 'aws_security_group.tcp_minus_one', 'HMS-SG-1', 'FAIL'],
  ['spellings.tf.json', 'aws_security_group.split_blocks', 'HMS-SG-1', 'FAIL'],
  ['spellings.tf.json', 'aws_security_group.hidden_by_repetition', 'HMS-SG-1', 'FAIL'],
  ['spellings.tf.json', 'aws_security_group.agency_only', 'HMS-SG-1', 'pass'],
  ['spellings.tf.json', 'aws_security_group_rule.half_a', 'HMS-SG-1', 'FAIL'],
  ['spellings.tf.json', 'aws_security_group_rule.half_b', 'HMS-SG-1', 'FAIL'],
  ['spellings.tf.json', 'azurerm_network_security_rule.ssh_number', 'HMS-NSG-1', 'FAIL'],
  ['spellings.tf.json', 'azurerm_network_security_rule.rdp_range', 'HMS-NSG-1', 'FAIL'],
  ['spellings.tf.json', 'azurerm_network_security_rule.agency_https', 'HMS-NSG-1', 'pass'],
  ['shapes.tf.json', 'aws_ebs_volume.from_variable', 'HMS-EBS-1', 'blocking unknown'],
  ['shapes.tf.json', 'aws_ebs_volume.from_resource', 'HMS-EBS-1', 'unknown'],
  ['shapes.tf.json', 'aws_eks_cluster.public_by_default_variable', 'HMS-EKS-1', 'FAIL'],
  ['shapes.tf.json', 'aws_security_group.dynamic_world', 'HMS-SG-1', 'FAIL'],
  ['shapes.tf.json', 'aws_s3_bucket.state[0]', 'HMS-S3-2', 'pass'],
  ['hcl-module', 'aws_eks_cluster.default_public', 'HMS-EKS-1', 'FAIL'],
  ['hcl-module', 'aws_security_group.dynamic_admin', 'HMS-SG-1', 'FAIL'],
  ['hcl-module', 'aws_instance.imdsv1', 'HMS-LT-3', 'FAIL'],
  ['hcl-module', 'aws_instance.imdsv1', 'HMS-LT-1', 'FAIL'],
  ['hcl-module', 'aws_instance.imdsv1', 'HMS-LT-6', 'FAIL'],
  ['hcl-module', 'aws_iam_policy.escalation', 'HMS-IAM-3', 'FAIL'],
  ['hcl-module', 'aws_ebs_volume.tfvars_decides', 'HMS-EBS-1', 'FAIL'],
];

interface JsonFinding {
  ruleId: string;
  resource: string;
  status: string;
  blocking: boolean;
}

const inputs = [...new Set(TABLE.map(([input]) => input))];
const results = new Map<string, JsonFinding[]>();

beforeAll(async () => {
  for (const input of inputs) {
    const r = await runCli(['check', `${CORPUS}/${input}`, '--format', 'json'], ROOT);
    if (r.stdout === '') throw new Error(`check ${input} printed nothing: ${r.stderr}`);
    results.set(input, (JSON.parse(r.stdout) as { findings: JsonFinding[] }).findings);
  }
});

function actual(input: string, resource: string, ruleId: string): Expected {
  const f = results.get(input)?.find((x) => x.resource === resource && x.ruleId === ruleId);
  if (!f) return 'pass';
  if (f.status === 'fail') return 'FAIL';
  return f.blocking ? 'blocking unknown' : 'unknown';
}

test.each(TABLE)('%s: %s, %s is %s', (input, resource, ruleId, expected) => {
  expect(actual(input, resource, ruleId)).toBe(expected);
});

test('agreement with the table is 100%', () => {
  const agreed = TABLE.filter(([input, resource, ruleId, expected]) => actual(input, resource, ruleId) === expected).length;
  expect(`${agreed}/${TABLE.length}`).toBe(`${TABLE.length}/${TABLE.length}`);
});
