/**
 * Probe pods must pass what they prove the platform enforces: Pod Security
 * `restricted` (the workload namespace refuses anything else) and our own
 * policy pack's Kubernetes rules, the same checks `hms-sys synth` gates on.
 */
import { fromTerraformJson } from '../../../lib/policy/engine/document';
import { contextOf } from '../../../lib/policy/engine/rule';
import { EGRESS_SCRIPT, FIPS_SCRIPT, INGRESS_SCRIPT, probeJob, probeNamespace, VOLUME_SCRIPT, type ProbeJobSpec } from '../../../lib/live/verify/probe-job';
import { asTerraformResource } from '../../support/api-to-terraform';
import { rulesOfCloud } from '../../support/policy';
import { restrictedViolations } from '../../support/pod-security';

const base = { runId: 'a1b2c3', namespace: 'dcaa-audit', image: 'public.ecr.aws/docker/library/busybox:1.37.0' };
const SPECS: ProbeJobSpec[] = [
  { ...base, promise: 'fips', name: 'hms-sys-fips-a1b2c3-0', script: FIPS_SCRIPT, nodeName: 'ip-10-40-0-10', env: { NODE_NAME: 'ip-10-40-0-10' } },
  { ...base, promise: 'egress', name: 'hms-sys-egress-a1b2c3', script: EGRESS_SCRIPT, env: { TARGET_HOST: '1.1.1.1', TARGET_PORT: '443', CHECK_DNS: '1' } },
  { ...base, promise: 'ingress', name: 'hms-sys-ingress-a1b2c3', namespace: 'hms-sys-probe-a1b2c3', script: INGRESS_SCRIPT, env: { TARGETS: '10.40.0.100:8080' } },
  { ...base, promise: 'volume', name: 'hms-sys-volume-a1b2c3-0', script: VOLUME_SCRIPT, nodeName: 'ip-10-40-0-10', userId: 10001, volume: { claimName: 'contract-pdfs', mountPath: '/data/pdfs', readOnly: true } },
];
const context = contextOf(fromTerraformJson({}, 'probe', 'probe.tf.json'));

function policyFailures(job: ReturnType<typeof probeJob>): string[] {
  const resource = asTerraformResource(job);
  return rulesOfCloud('k8s').filter((r) => r.appliesTo.includes(resource.type)).flatMap((rule) => {
    const outcome = rule.check(resource, context);
    return outcome.status === 'pass' ? [] : [`${rule.id}: ${outcome.status}: ${outcome.message}`];
  });
}

describe('probe jobs', () => {
  test.each(SPECS.map((s) => [s.promise, s]))('the %s probe pod satisfies Pod Security restricted and the policy pack', (_name, spec) => {
    const job = probeJob(spec as ProbeJobSpec);
    expect(restrictedViolations(job.spec!.template.spec!)).toEqual([]);
    expect(policyFailures(job)).toEqual([]);
    // It stops and removes itself even if hms-sys never returns.
    expect(job.spec).toMatchObject({ backoffLimit: 0, activeDeadlineSeconds: 300, ttlSecondsAfterFinished: 600 });
    expect(job.spec!.template.spec).toMatchObject({ restartPolicy: 'Never', automountServiceAccountToken: false });
  });

  test('the checks can fail: a probe that escalates, runs as root and keeps capabilities is caught by both', () => {
    const job = probeJob(SPECS[0]);
    const c = job.spec!.template.spec!.containers[0];
    c.securityContext = { ...c.securityContext, allowPrivilegeEscalation: true, capabilities: { drop: [] }, runAsNonRoot: false };
    job.spec!.template.spec!.securityContext = { runAsUser: 0 };
    job.spec!.template.spec!.volumes = [{ name: 'host', hostPath: { path: '/proc' } }];
    expect(restrictedViolations(job.spec!.template.spec!)).toEqual(
      expect.arrayContaining(['volume host is a hostPath', 'probe: allowPrivilegeEscalation is not false', 'probe: capabilities do not drop ALL', 'pod runAsUser 0']),
    );
    expect(policyFailures(job).map((f) => f.split(':')[0])).toEqual(expect.arrayContaining(['HMS-K8S-2', 'HMS-K8S-3', 'HMS-K8S-4', 'HMS-K8S-6']));
  });

  test('pinned probes tolerate the node\'s taints; the volume probe writes as the workload\'s user', () => {
    expect(probeJob(SPECS[0]).spec!.template.spec).toMatchObject({ nodeName: 'ip-10-40-0-10', tolerations: [{ operator: 'Exists' }] });
    expect(probeJob(SPECS[1]).spec!.template.spec!.tolerations).toBeUndefined();
    expect(probeJob(SPECS[3]).spec!.template.spec).toMatchObject({
      securityContext: { runAsUser: 10001, fsGroup: 10001 },
      volumes: [{ name: 'data', persistentVolumeClaim: { claimName: 'contract-pdfs', readOnly: true } }],
    });
  });

  test('the probe namespace enforces restricted and says when it may be removed', () => {
    expect(probeNamespace('hms-sys-probe-a1b2c3', 'a1b2c3', 1_900_000_000).metadata?.labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
      'hms-sys/probe': 'ingress',
      'hms-sys/expires': '1900000000',
    });
  });
});
