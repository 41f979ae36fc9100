import { rbacNoWildcards } from '../../../lib/policy/rules/k8s/rbac-no-wildcards';
import { rbacNoPublicBindings } from '../../../lib/policy/rules/k8s/rbac-no-public-bindings';
import { defaultServiceAccountNoAutomount } from '../../../lib/policy/rules/k8s/default-service-account-no-automount';
import { workloadNoHostPort } from '../../../lib/policy/rules/k8s/workload-no-host-port';
import { workloadNoSecretEnv } from '../../../lib/policy/rules/k8s/workload-no-secret-env';
import { claimUsesEncryptedClass } from '../../../lib/policy/rules/k8s/claim-uses-encrypted-class';
import { namespaceDefaultDeny } from '../../../lib/policy/rules/k8s/namespace-default-deny';
import { storageClassCustomerKey } from '../../../lib/policy/rules/k8s/storage-class-customer-key';
import { storageClassEncrypted } from '../../../lib/policy/rules/k8s/storage-class-encrypted';
import { workloadDropsCapabilities } from '../../../lib/policy/rules/k8s/workload-drops-capabilities';
import { imageTag } from '../../../lib/core/images';
import { workloadImagePinned } from '../../../lib/policy/rules/k8s/workload-image-pinned';
import { workloadNoHostNamespaces } from '../../../lib/policy/rules/k8s/workload-no-host-namespaces';
import { workloadNoHostPath } from '../../../lib/policy/rules/k8s/workload-no-host-path';
import { workloadNoPrivilegeEscalation } from '../../../lib/policy/rules/k8s/workload-no-privilege-escalation';
import { workloadNoTokenAutomount } from '../../../lib/policy/rules/k8s/workload-no-token-automount';
import { workloadNotDefaultNamespace } from '../../../lib/policy/rules/k8s/workload-not-default-namespace';
import { workloadNotPrivileged } from '../../../lib/policy/rules/k8s/workload-not-privileged';
import { workloadReadOnlyRoot } from '../../../lib/policy/rules/k8s/workload-read-only-root';
import { workloadResourceLimits } from '../../../lib/policy/rules/k8s/workload-resource-limits';
import { workloadRunsAsNonRoot } from '../../../lib/policy/rules/k8s/workload-runs-as-non-root';
import { workloadSeccomp } from '../../../lib/policy/rules/k8s/workload-seccomp';
import { describeRules, REF, resource as r, runRule, type RuleCases, rulesOfCloud } from '../../support/policy';

const UNKNOWN = REF('var.x', 'value');
/** A deployment whose single container has `container` merged in, and pod spec `pod`. */
const deploy = (container: Record<string, unknown>, pod: Record<string, unknown> = {}, metadata: Record<string, unknown> = { namespace: 'dcaa' }) =>
  r('kubernetes_deployment_v1.d', { metadata, spec: { template: { spec: { container: [{ name: 'app', image: 'ghcr.io/x/app:v1', ...container }], ...pod } } } });
const sc = (ctx: Record<string, unknown>) => deploy({ security_context: ctx });
const ns = r('kubernetes_namespace_v1.ns', { metadata: { name: 'dcaa' } });
const netpol = (spec: Record<string, unknown>) => r('kubernetes_network_policy_v1.deny', { metadata: { namespace: REF('kubernetes_namespace_v1.ns', 'metadata[0].name') }, spec });
const storageClass = (provisioner: string, parameters: Record<string, unknown>) =>
  r('kubernetes_storage_class_v1.enc', { metadata: { name: 'encrypted' }, storage_provisioner: provisioner, parameters });
const claim = (className: unknown) => r('kubernetes_persistent_volume_claim_v1.c', { metadata: { name: 'data' }, spec: { storage_class_name: className } });

const CASES: RuleCases[] = [
  { rule: workloadNotPrivileged, compliant: [sc({ privileged: false })], nonCompliant: [sc({ privileged: true })], unknown: [sc({ privileged: UNKNOWN })] },
  { rule: workloadNoPrivilegeEscalation, compliant: [sc({ allow_privilege_escalation: false })], nonCompliant: [sc({})], unknown: [sc({ allow_privilege_escalation: UNKNOWN })] },
  {
    rule: workloadDropsCapabilities,
    compliant: [sc({ capabilities: { drop: ['ALL'] } })],
    nonCompliant: [sc({ capabilities: { drop: ['ALL'], add: ['SYS_ADMIN'] } })],
    unknown: [sc({ capabilities: { drop: UNKNOWN } })],
  },
  {
    rule: workloadRunsAsNonRoot,
    compliant: [deploy({}, { security_context: { run_as_non_root: true, run_as_user: 10001 } })],
    nonCompliant: [sc({ run_as_user: 0 })],
    unknown: [sc({ run_as_non_root: UNKNOWN })],
  },
  { rule: workloadNoHostNamespaces, compliant: [deploy({}, { host_network: false })], nonCompliant: [deploy({}, { host_pid: true })], unknown: [deploy({}, { host_network: UNKNOWN })] },
  {
    rule: workloadNoHostPath,
    compliant: [deploy({}, { volume: [{ name: 'data', persistent_volume_claim: { claim_name: 'data' } }] })],
    nonCompliant: [deploy({}, { volume: [{ name: 'sock', host_path: { path: '/var/run/docker.sock' } }] })],
    unknown: [deploy({}, { volume: UNKNOWN })],
  },
  // `volume = "invalid"` next to volume blocks (Terraform refuses it; the HCL reader keeps only the string) is never a pass.
  { rule: workloadNoHostPath, compliant: [deploy({}, { volume: [] })], nonCompliant: [deploy({}, { volume: { name: 'sock', host_path: { path: '/run/containerd/containerd.sock' } } })], unknown: [deploy({}, { volume: 'invalid' })] },
  {
    rule: workloadSeccomp,
    compliant: [deploy({}, { security_context: { seccomp_profile: { type: 'RuntimeDefault' } } })],
    nonCompliant: [sc({ seccomp_profile: { type: 'Unconfined' } })],
    unknown: [sc({ seccomp_profile: { type: UNKNOWN } })],
  },
  { rule: workloadReadOnlyRoot, compliant: [sc({ read_only_root_filesystem: true })], nonCompliant: [sc({})], unknown: 'an unknown flag is reported as writable' },
  {
    rule: workloadImagePinned,
    compliant: [deploy({ image: 'ghcr.io/hms/dcaa-audit@sha256:' + 'a'.repeat(64) })],
    nonCompliant: [deploy({ image: 'ghcr.io/hms/dcaa-audit:latest' })],
    unknown: [deploy({ image: UNKNOWN })],
  },
  {
    rule: workloadResourceLimits,
    compliant: [deploy({ resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } } })],
    nonCompliant: [deploy({ resources: { requests: { cpu: '100m', memory: '128Mi' } } })],
    unknown: 'quantities are literal strings',
  },
  {
    rule: namespaceDefaultDeny,
    compliant: [ns, netpol({ pod_selector: {}, policy_types: ['Ingress', 'Egress'] })],
    nonCompliant: [ns, netpol({ pod_selector: {}, policy_types: ['Ingress'] })],
    unknown: 'a default-deny policy exists in the namespace or not',
  },
  {
    rule: storageClassEncrypted,
    compliant: [storageClass('ebs.csi.aws.com', { encrypted: 'true', kmsKeyId: 'arn' })],
    nonCompliant: [storageClass('disk.csi.azure.com', { skuName: 'Premium_LRS' })],
    unknown: [storageClass('example.com/nfs', {})],
  },
  { rule: storageClassCustomerKey, compliant: [storageClass('ebs.csi.aws.com', { encrypted: 'true', kmsKeyId: 'arn' })], nonCompliant: [storageClass('ebs.csi.aws.com', { encrypted: 'true' })], unknown: 'a reference to a key counts as set' },
  {
    rule: claimUsesEncryptedClass,
    compliant: [claim(REF('kubernetes_storage_class_v1.enc', 'metadata[0].name')), storageClass('ebs.csi.aws.com', { encrypted: 'true' })],
    nonCompliant: [claim(undefined)],
    unknown: [claim('gp2')],
  },
  { rule: workloadNotDefaultNamespace, compliant: [deploy({})], nonCompliant: [deploy({}, {}, { namespace: 'default' })], unknown: 'a namespace is a literal or a reference, both a choice' },
  { rule: workloadNoTokenAutomount, compliant: [deploy({}, { automount_service_account_token: false })], nonCompliant: [deploy({})], unknown: 'an unknown flag is reported as mounted' },
  {
    rule: rbacNoWildcards,
    compliant: [r('kubernetes_role_v1.r', { rule: [{ api_groups: [''], resources: ['pods'], verbs: ['get', 'list'] }] })],
    nonCompliant: [r('kubernetes_cluster_role_v1.r', { rule: [{ api_groups: [''], resources: ['*'], verbs: ['get'] }] })],
    unknown: [r('kubernetes_role_v1.r', { rule: [{ api_groups: [''], resources: UNKNOWN, verbs: ['get'] }] })],
  },
  {
    rule: rbacNoPublicBindings,
    compliant: [r('kubernetes_role_binding_v1.b', { role_ref: { name: 'view' }, subject: [{ kind: 'Group', name: 'auditors' }] })],
    nonCompliant: [r('kubernetes_cluster_role_binding_v1.b', { role_ref: { name: 'cluster-admin' }, subject: [{ kind: 'ServiceAccount', name: 'ci' }] })],
    unknown: [r('kubernetes_role_binding_v1.b', { role_ref: { name: 'view' }, subject: [{ kind: 'Group', name: UNKNOWN }] })],
  },
  {
    rule: defaultServiceAccountNoAutomount,
    compliant: [r('kubernetes_default_service_account_v1.d', { automount_service_account_token: false })],
    nonCompliant: [r('kubernetes_service_account_v1.d', { metadata: { name: 'default' }, automount_service_account_token: true })],
    unknown: [r('kubernetes_default_service_account_v1.d', { automount_service_account_token: UNKNOWN })],
  },
  { rule: workloadNoHostPort, compliant: [deploy({ port: [{ container_port: 8080 }] })], nonCompliant: [deploy({ port: [{ container_port: 8080, host_port: 8080 }] })], unknown: [deploy({ port: [{ container_port: 8080, host_port: UNKNOWN }] })] },
  {
    rule: workloadNoSecretEnv,
    compliant: [deploy({ env: [{ name: 'MODE', value: 'audit' }] })],
    nonCompliant: [deploy({ env: [{ name: 'PASSWORD', value_from: { secret_key_ref: { name: 's', key: 'p' } } }] })],
    unknown: 'a secret reference is present or not; its name does not matter',
  },
];

describeRules(CASES);

test('every Kubernetes rule has cases', () => {
  expect([...new Set(CASES.map((c) => c.rule.id))].sort()).toEqual(rulesOfCloud('k8s').map((x) => x.id).sort());
});

describe('workload rules read every kind of workload', () => {
  const podSpec = { container: [{ name: 'app', image: 'x:v1', security_context: { privileged: true } }] };
  test.each([
    ['kubernetes_pod_v1.p', { spec: podSpec }],
    ['kubernetes_stateful_set_v1.s', { spec: { template: { spec: podSpec } } }],
    ['kubernetes_daemon_set_v1.d', { spec: { template: { spec: podSpec } } }],
    ['kubernetes_cron_job_v1.c', { spec: { job_template: { spec: { template: { spec: podSpec } } } } }],
  ])('%s', (address, values) => {
    expect(runRule(workloadNotPrivileged, r(address, values)).status).toBe('fail');
  });

  test('init containers are checked too', () => {
    const init = r('kubernetes_deployment_v1.d', { spec: { template: { spec: { init_container: [{ name: 'init', image: 'x:v1', security_context: { privileged: true } }] } } } });
    expect(runRule(workloadNotPrivileged, init).status).toBe('fail');
  });

  test('an image without a tag is not pinned, a registry port is not a tag', () => {
    expect(imageTag('registry.local:5000/app')).toBeUndefined();
    expect(imageTag('registry.local:5000/app:v2')).toBe('v2');
  });
});
