import { fail, pass, type Rule } from '../../engine/rule';
import { blocks, refersTo } from '../../engine/values';

/** CKV2_AZURE_32; Azure Policy a6abeaec. */
export const keyVaultPrivateEndpoint: Rule = {
  id: 'HMS-KV-8',
  appliesTo: ['azurerm_key_vault'],
  summary: 'Key Vaults are reached through a private endpoint',
  rationale: 'With public access off, a private endpoint is the only path to the keys, inside the boundary (SC-7, SC-7(3)).',
  fix: 'Add an azurerm_private_endpoint whose private_service_connection names the vault (subresource "vault").',
  check(r, ctx) {
    const connected = ctx
      .resourcesOf('azurerm_private_endpoint')
      .some((e) => blocks(e.values, 'private_service_connection').some((c) => refersTo(c.private_connection_resource_id, r.address)));
    return connected ? pass : fail('no private endpoint connects to the vault');
  },
};
