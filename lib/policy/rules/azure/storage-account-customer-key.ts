import { fail, pass, type Rule } from '../../engine/rule';
import { block, refersTo } from '../../engine/values';
import { STORAGE_ACCOUNT } from './private/storage-account';

/** CKV2_AZURE_1, CKV2_AZURE_18; Azure Policy 6fac406b. */
export const storageAccountCustomerKey: Rule = {
  id: 'HMS-ST-7',
  appliesTo: [STORAGE_ACCOUNT],
  summary: 'Storage accounts encrypt with a customer-managed key',
  rationale: 'A customer key keeps rotation and revocation of state and logs with the agency (SC-12, SC-28(1)).',
  fix: 'Add customer_managed_key { key_vault_key_id, user_assigned_identity_id } or an azurerm_storage_account_customer_managed_key.',
  check(r, ctx) {
    if (block(r.values, 'customer_managed_key')) return pass;
    const separate = ctx.resourcesOf('azurerm_storage_account_customer_managed_key').some((k) => refersTo(k.values.storage_account_id, r.address));
    return separate ? pass : fail('the account uses Microsoft-managed keys');
  },
};
