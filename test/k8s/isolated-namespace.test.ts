import { IsolatedNamespace, POD_SECURITY_LABELS } from '../../lib/k8s/isolated-namespace';
import { onlyResource, synthConstructs } from '../support/synth';

describe('k8s.IsolatedNamespace', () => {
  test('enforces, audits and warns Pod Security restricted', () => {
    const ns = onlyResource(synthConstructs((s) => new IsolatedNamespace(s, 'ns', { namespaceName: 'dcaa-audit' })), 'kubernetes_namespace_v1');
    expect(ns.metadata.name).toBe('dcaa-audit');
    expect(ns.metadata.labels).toMatchObject(POD_SECURITY_LABELS);
    expect(ns.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
  });

  test('keeps extra labels but never lets them weaken Pod Security', () => {
    const ns = onlyResource(
      synthConstructs((s) => new IsolatedNamespace(s, 'ns', { namespaceName: 'x', labels: { team: 'audit', 'pod-security.kubernetes.io/enforce': 'privileged' } })),
      'kubernetes_namespace_v1',
    );
    expect(ns.metadata.labels).toMatchObject({ team: 'audit', 'pod-security.kubernetes.io/enforce': 'restricted' });
  });

  test.each([['default'], ['kube-system'], ['Not_A_Label']])('refuses %s', (name) => {
    expect(() => synthConstructs((s) => new IsolatedNamespace(s, 'ns', { namespaceName: name }))).toThrow(/k8s.IsolatedNamespace.namespaceName/);
  });
});
