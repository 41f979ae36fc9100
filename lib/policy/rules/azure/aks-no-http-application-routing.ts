import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { AKS } from './private/aks';

export const aksNoHttpApplicationRouting: Rule = {
  id: 'HMS-AKS-12',
  publicChecks: ['CKV_AZURE_246'],
  appliesTo: [AKS],
  summary: 'HTTP application routing (a public, unauthenticated ingress for dev clusters) is off',
  rationale: 'The add-on creates public DNS and plain-HTTP ingress (CM-7, SC-7, SC-8).',
  fix: 'Remove http_application_routing_enabled; use an ingress controller with TLS.',
  check(r) {
    const v = bool(r.values.http_application_routing_enabled);
    if (v === 'unknown') return unknown('http_application_routing_enabled is not known from the configuration', r.values.http_application_routing_enabled);
    return v === true ? fail('HTTP application routing is on') : pass;
  },
};
