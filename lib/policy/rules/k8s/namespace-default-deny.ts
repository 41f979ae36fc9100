import type { TfResource } from '../../engine/document';
import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block, blocks, isObject, refersTo, strings } from '../../engine/values';
import { metadataOf } from './private/pod-spec';

const POLICY_TYPES = ['kubernetes_network_policy', 'kubernetes_network_policy_v1'];
const NAMESPACE = (values: Readonly<Record<string, unknown>>): unknown => metadataOf(values).namespace;

function selectsAllPods(spec: Record<string, unknown>): boolean {
  const selector = block(spec, 'pod_selector');
  if (selector === undefined) return isObject(spec) && 'pod_selector' in spec; // pod_selector {} written as an empty block
  return !selector.match_labels && blocks(selector, 'match_expressions').length === 0;
}

/** True when `policy` denies all ingress and egress for every pod of the namespace. */
export function isDefaultDeny(policy: TfResource): boolean {
  const spec = block(policy.values, 'spec');
  if (!spec) return false;
  const types = strings(spec.policy_types);
  return (
    selectsAllPods(spec) &&
    Array.isArray(types) && types.includes('Ingress') && types.includes('Egress') &&
    blocks(spec, 'ingress').length === 0 && blocks(spec, 'egress').length === 0
  );
}

/** Derived: checkov has only a manifest graph check. */
export const namespaceDefaultDeny: Rule = {
  id: 'HMS-K8S-11',
  appliesTo: ['kubernetes_namespace', 'kubernetes_namespace_v1'],
  summary: 'Every namespace has a default-deny NetworkPolicy for ingress and egress',
  rationale: 'Kubernetes allows all pod traffic until a policy selects the pod: deny by default, allow by exception (SC-7, SC-7(5), AC-4).',
  fix: 'Add a NetworkPolicy in the namespace with pod_selector {}, policy_types = ["Ingress", "Egress"] and no rules, then allow what is needed.',
  check(r, ctx) {
    const name = metadataOf(r.values).name;
    const inNamespace = (p: TfResource) => {
      const ns = metadataOf(p.values).namespace;
      return ns === name || refersTo(ns, r.address);
    };
    const policies = POLICY_TYPES.flatMap((t) => ctx.resourcesOf(t)).filter(inNamespace);
    if (policies.some(isDefaultDeny)) return pass;
    // A default-deny policy whose namespace is not known from the configuration may be this namespace's.
    const undecided = POLICY_TYPES.flatMap((t) => ctx.undecided(t, NAMESPACE)).filter(isDefaultDeny);
    if (undecided.length > 0) return unknown('a default-deny policy whose namespace is not known from the configuration may cover it', undecided.map((p) => NAMESPACE(p.values)));
    return fail(`namespace ${String(name)} has no default-deny policy`);
  },
};
