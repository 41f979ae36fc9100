import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool } from '../../engine/values';
import { metadataOf } from './private/pod-spec';

export const defaultServiceAccountNoAutomount: Rule = {
  id: 'HMS-K8S-19',
  publicChecks: ['CKV_K8S_41'],
  appliesTo: ['kubernetes_default_service_account', 'kubernetes_default_service_account_v1', 'kubernetes_service_account', 'kubernetes_service_account_v1'],
  summary: 'The default service account does not mount its token into pods',
  rationale: 'Every pod without its own service account gets the default one, and with it an API token (AC-6, IA-5).',
  fix: 'Manage the namespace default with kubernetes_default_service_account_v1 and automount_service_account_token = false.',
  check(r) {
    const isDefault = r.type.startsWith('kubernetes_default_service_account') || metadataOf(r.values).name === 'default';
    if (!isDefault) return pass;
    const v = bool(r.values.automount_service_account_token);
    if (v === 'unknown') return unknown('automount_service_account_token is not known from the configuration', r.values.automount_service_account_token);
    // The provider's default is true for service accounts.
    return v === false ? pass : fail('the default service account mounts its token');
  },
};
