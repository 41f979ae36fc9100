import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { block } from '../../engine/values';
import { STORAGE_ACCOUNT } from './private/storage-account';

/** Azure Policy 6fac406b. */
export const storageAccountCustomerKey: Rule = {
  id: 'HMS-ST-7',
  publicChecks: ['CKV2_AZURE_1', 'AVD-AZU-0060'],
  appliesTo: [STORAGE_ACCOUNT],
  summary: 'Storage accounts encrypt with a customer-managed key',
  rationale: 'A customer key keeps rotation and revocation of state and logs with the agency (SC-12, SC-28(1)).',
  fix: 'Add customer_managed_key { key_vault_key_id, user_assigned_identity_id } or an azurerm_storage_account_customer_managed_key.',
  check(r, ctx) {
    if (block(r.values, 'customer_managed_key')) return pass;
    const separate = ctx.referencing('azurerm_storage_account_customer_managed_key', 'storage_account_id', r).length > 0;
    if (separate) return pass;
    const undecided = ctx.undecided('azurerm_storage_account_customer_managed_key', 'storage_account_id');
    return undecided.length > 0 ? unknown('a customer-managed key whose account is not known from the configuration may cover it', undecided.map((k) => k.values.storage_account_id)) : fail('the account uses Microsoft-managed keys');
  },
};
