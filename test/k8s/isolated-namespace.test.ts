import { IsolatedNamespace } from '../../lib/k8s/isolated-namespace';
import { onlyResource, synthConstructs } from '../support/synth';

describe('k8s.IsolatedNamespace', () => {
  test('enforces, audits and warns Pod Security restricted', () => {
    const ns = onlyResource(synthConstructs((s) => new IsolatedNamespace(s, 'ns', { namespaceName: 'dcaa-audit' })), 'kubernetes_namespace_v1');
    expect(ns.metadata.name).toBe('dcaa-audit');
    for (const mode of ['enforce', 'audit', 'warn']) {
      expect(ns.metadata.labels[`pod-security.kubernetes.io/${mode}`]).toBe('restricted');
      expect(ns.metadata.labels[`pod-security.kubernetes.io/${mode}-version`]).toBe('latest');
    }
  });

  test('is protected from destroy: deleting a namespace deletes its claims', () => {
    const ns = onlyResource(synthConstructs((s) => new IsolatedNamespace(s, 'ns', { namespaceName: 'dcaa-audit' })), 'kubernetes_namespace_v1');
    expect(ns.lifecycle).toEqual({ prevent_destroy: true });
    const open = onlyResource(synthConstructs((s) => new IsolatedNamespace(s, 'ns', { namespaceName: 'scratch', preventDestroy: false })), 'kubernetes_namespace_v1');
    expect(open.lifecycle).toEqual({ prevent_destroy: false });
  });

  test('keeps extra labels but never lets them weaken Pod Security', () => {
    const ns = onlyResource(
      synthConstructs((s) => new IsolatedNamespace(s, 'ns', { namespaceName: 'x', labels: { team: 'audit', 'pod-security.kubernetes.io/enforce': 'privileged' } })),
      'kubernetes_namespace_v1',
    );
    expect(ns.metadata.labels).toMatchObject({ team: 'audit', 'pod-security.kubernetes.io/enforce': 'restricted' });
  });

  test.each([['default'], ['kube-system'], ['kube-node-lease'], ['Not_A_Label']])('refuses %s', (name) => {
    expect(() => synthConstructs((s) => new IsolatedNamespace(s, 'ns', { namespaceName: name }))).toThrow(/k8s.IsolatedNamespace.namespaceName/);
  });
});
