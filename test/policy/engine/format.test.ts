import { makeDocument } from '../../../lib/policy/engine/document';
import { evaluate } from '../../../lib/policy/engine/evaluate';
import { formatFinding } from '../../../lib/policy/engine/format-finding';
import { formatJunit, formatSarif, formatText } from '../../../lib/policy/report';
import { ALL_RULES } from '../../../lib/policy/rules';
import { guardPlan } from '../../../lib/plan/stateful-guard';
import { resource } from '../../support/policy';

const cluster = { ...resource('aws_eks_cluster.c', { vpc_config: { endpoint_public_access: true } }), constructPath: 'dcaa-aws/cluster/Resource', file: 'cdktf.out/stacks/dcaa-aws/cdk.tf.json' };
const report = evaluate([makeDocument('dcaa-aws', 'cdk.tf.json', [cluster])], ALL_RULES, { packs: ['fedramp-moderate'] });
const finding = report.findings.find((f) => f.ruleId === 'HMS-EKS-1')!;

describe('report formats', () => {
  test('one finding reads as rule, construct, problem, controls and fix', () => {
    expect(formatFinding(finding)).toBe(
      '[HMS-EKS-1] dcaa-aws/cluster/Resource: the API endpoint is public (NIST 800-53 SC-7, AC-4, AC-17). ' +
        'Fix: Set vpc_config.endpoint_public_access = false and endpoint_private_access = true; reach the API from inside the VPC. Or acknowledge HMS-EKS-1 with a reason.',
    );
  });

  test('text groups findings by resource and ends with a summary', () => {
    const text = formatText(report);
    expect(text.split('\n')[0]).toBe('dcaa-aws/cluster/Resource (aws_eks_cluster.c)');
    expect(text).toMatch(/FAIL +\[HMS-EKS-1\]/);
    expect(text.split('\n').pop()).toMatch(/^✘ refused \(\d+ blocking findings?\): scanned dcaa-aws: 1 resource, 1 with rules; \d+ rules \(fedramp-moderate\): \d+ checks passed, \d+ blocking/);
  });

  test('SARIF 2.1.0 names the rules, levels and the file as given', () => {
    const sarif = formatSarif(report) as any;
    expect(sarif.version).toBe('2.1.0');
    const result = sarif.runs[0].results.find((r: any) => r.ruleId === 'HMS-EKS-1');
    expect(result).toMatchObject({ level: 'error', locations: [{ physicalLocation: { artifactLocation: { uri: 'cdktf.out/stacks/dcaa-aws/cdk.tf.json' } } }] });
    expect(sarif.runs[0].tool.driver.rules.map((r: any) => r.id)).toContain('HMS-EKS-1');
  });

  test('JUnit has one failure per blocking finding', () => {
    const xml = formatJunit(report);
    expect(xml).toMatch(/^<\?xml version="1.0"/);
    expect(xml.match(/<failure /g)).toHaveLength(report.blocking);
    expect(xml).toContain(`failures="${report.blocking}"`);
  });

  test('SARIF: a deletion allowed with --allow-destroy is a suppressed note, not an error; without guard verdicts no guard rule is listed', () => {
    const deletion = { address: 'aws_ebs_volume.data', mode: 'managed', type: 'aws_ebs_volume', name: 'data', change: { actions: ['delete'], before: {}, after: null } };
    const guard = [{ document: 'plan.json', ...guardPlan({ resource_changes: [deletion] }, ['aws_ebs_volume.data']) }];
    const run = (formatSarif(report, guard) as any).runs[0];
    const allowed = run.results.filter((r: any) => r.ruleId === 'HMS-GUARD-1');
    expect(allowed).toEqual([
      expect.objectContaining({
        level: 'note',
        suppressions: [{ kind: 'external', justification: 'allowed by name with --allow-destroy aws_ebs_volume.data' }],
        locations: [{ physicalLocation: { artifactLocation: { uri: 'plan.json' } }, logicalLocations: [{ fullyQualifiedName: 'aws_ebs_volume.data', name: 'aws_ebs_volume.data', kind: 'resource' }] }],
      }),
    ]);
    expect((formatSarif(report) as any).runs[0].tool.driver.rules.map((r: any) => r.id).filter((id: string) => id.startsWith('HMS-GUARD'))).toEqual([]);
  });
});
