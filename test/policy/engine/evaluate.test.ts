import { makeDocument, type TfResource } from '../../../lib/policy/engine/document';
import { evaluate } from '../../../lib/policy/engine/evaluate';
import { ALL_RULES } from '../../../lib/policy/rules';
import { REF, resource } from '../../support/policy';

function doc(...resources: TfResource[]) {
  return makeDocument('stack', 'stack.json', resources);
}
const openVolume = resource('aws_ebs_volume.v', { encrypted: false });

describe('evaluate', () => {
  test('a failing error rule blocks, with its controls from both packs', () => {
    const report = evaluate([doc(openVolume)], ALL_RULES);
    const finding = report.findings.find((f) => f.ruleId === 'HMS-EBS-1');
    expect(finding).toMatchObject({
      status: 'fail',
      severity: 'error',
      blocking: true,
      resource: 'aws_ebs_volume.v',
      controls: { 'NIST 800-53': ['SC-28', 'SC-28(1)'], HIPAA: ['164.312(a)(2)(iv)'] },
    });
    expect(report.blocking).toBeGreaterThan(0);
  });

  test('a failing warning rule is reported but does not block, unless strict', () => {
    const volume = resource('aws_ebs_volume.v', { encrypted: true });
    const relaxed = evaluate([doc(volume)], ALL_RULES);
    expect(relaxed.findings.map((f) => [f.ruleId, f.blocking])).toEqual([['HMS-EBS-2', false]]);
    expect(evaluate([doc(volume)], ALL_RULES, { strict: true }).findings[0].blocking).toBe(true);
  });

  test('a value computed from another resource is reported as unknown, never passed; it blocks only in strict mode', () => {
    const volume = resource('aws_ebs_volume.v', { encrypted: REF('aws_ssm_parameter.p', 'value'), kms_key_id: 'k' });
    const report = evaluate([doc(volume)], ALL_RULES);
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'HMS-EBS-1', status: 'unknown', unknownCause: 'computed', blocking: false })]);
    expect(report.checksPassed).toBe(1);
    expect(evaluate([doc(volume)], ALL_RULES, { strict: true }).blocking).toBe(1);
  });

  test('a security setting fed by a variable without a default blocks like a failure: whoever runs Terraform decides it', () => {
    const volume = resource('aws_ebs_volume.v', { encrypted: '${var.encrypt}', kms_key_id: 'k' });
    const report = evaluate([doc(volume)], ALL_RULES);
    expect(report.findings).toEqual([expect.objectContaining({ ruleId: 'HMS-EBS-1', status: 'unknown', unknownCause: 'input', blocking: true })]);
    expect(report.findings[0].message).toMatch(/a variable without a default decides it/);
  });

  test('an acknowledgement in scanned input needs a reason of 10 characters and a known rule; --ignore-acknowledgements honours none', () => {
    const withAck = (reason: string, ruleId = 'HMS-EBS-1'): TfResource => ({ ...openVolume, acknowledgements: [{ ruleId, reason }] });
    const empty = evaluate([doc(withAck(''))], ALL_RULES);
    expect(empty.findings.find((f) => f.ruleId === 'HMS-EBS-1')).toMatchObject({ blocking: true, acknowledgedBecause: undefined });
    expect(empty.acknowledgements[0].refused).toMatch(/a reason of at least 10 characters/);
    expect(evaluate([doc(withAck('a real reason, ticket SEC-9', 'HMS-NOPE-1'))], ALL_RULES).acknowledgements[0].refused).toMatch(/unknown rule "HMS-NOPE-1"/);
    const good = withAck('scratch volume, no federal data, ticket SEC-42');
    expect(evaluate([doc(good)], ALL_RULES)).toMatchObject({ acknowledged: 1 });
    const ignored = evaluate([doc(good)], ALL_RULES, { ignoreAcknowledgements: true });
    expect(ignored).toMatchObject({ acknowledged: 0 });
    expect(ignored.blocking).toBeGreaterThan(0);
    expect(ignored.acknowledgements[0].refused).toMatch(/--ignore-acknowledgements/);
  });

  test('an acknowledgement with a reason unblocks its rule and is recorded as evidence', () => {
    const acked: TfResource = { ...openVolume, acknowledgements: [{ ruleId: 'HMS-EBS-1', reason: 'scratch volume, no federal data, ticket SEC-42' }] };
    const report = evaluate([doc(acked)], ALL_RULES);
    expect(report.findings.find((f) => f.ruleId === 'HMS-EBS-1')).toMatchObject({ blocking: false, acknowledgedBecause: 'scratch volume, no federal data, ticket SEC-42' });
    expect(report.acknowledgements).toEqual([expect.objectContaining({ ruleId: 'HMS-EBS-1', matched: true, resource: 'aws_ebs_volume.v' })]);
  });

  test('an acknowledgement that matches no finding is reported as stale', () => {
    const acked = resource('aws_vpc.v', {});
    const withAck: TfResource = { ...acked, acknowledgements: [{ ruleId: 'HMS-EBS-1', reason: 'left over from an old exception' }] };
    expect(evaluate([doc(withAck)], ALL_RULES).acknowledgements).toEqual([expect.objectContaining({ matched: false })]);
  });

  test('one pack narrows the rules and the citations', () => {
    const report = evaluate([doc(openVolume)], ALL_RULES, { packs: ['hipaa'] });
    expect(report.packs).toEqual(['hipaa']);
    expect(Object.keys(report.findings[0].controls)).toEqual(['HIPAA']);
    expect(report.rulesEvaluated).not.toContain('HMS-SG-4'); // hygiene rules are FedRAMP only
  });

  test('an unknown pack is a user error listing the packs', () => {
    expect(() => evaluate([doc()], ALL_RULES, { packs: ['pci'] })).toThrow(/unknown policy pack "pci"; packs: fedramp-moderate, hipaa/);
  });

  test('reports the controls covered and the rules evaluated', () => {
    const report = evaluate([doc()], ALL_RULES);
    expect(report.rulesEvaluated).toHaveLength(ALL_RULES.length);
    expect(report.controlsCovered['NIST 800-53']).toEqual(expect.arrayContaining(['AC-6', 'AU-2', 'SC-7', 'SC-13', 'SC-28']));
    expect(report.controlsCovered.HIPAA).toEqual(expect.arrayContaining(['164.312(a)(2)(iv)', '164.312(b)', '164.312(e)(1)']));
  });

  test('rules only see resources of the types they apply to', () => {
    const report = evaluate([doc(resource('random_pet.p', {}))], ALL_RULES);
    expect(report).toMatchObject({ resourcesEvaluated: 0, findings: [] });
  });
});
