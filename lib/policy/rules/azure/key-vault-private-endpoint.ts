import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { blocks } from '../../engine/values';

/** The resources a private endpoint connects to. */
const CONNECTED_RESOURCES = (values: Readonly<Record<string, unknown>>): unknown[] => blocks(values, 'private_service_connection').map((c) => c.private_connection_resource_id);

/** Azure Policy a6abeaec. */
export const keyVaultPrivateEndpoint: Rule = {
  id: 'HMS-KV-8',
  publicChecks: ['CKV2_AZURE_32'],
  appliesTo: ['azurerm_key_vault'],
  summary: 'Key Vaults are reached through a private endpoint',
  rationale: 'With public access off, a private endpoint is the only path to the keys, inside the boundary (SC-7, SC-7(3)).',
  fix: 'Add an azurerm_private_endpoint whose private_service_connection names the vault (subresource "vault").',
  check(r, ctx) {
    const connected = ctx.referencing('azurerm_private_endpoint', CONNECTED_RESOURCES, r).length > 0;
    if (connected) return pass;
    const undecided = ctx.undecided('azurerm_private_endpoint', CONNECTED_RESOURCES);
    return undecided.length > 0 ? unknown('a private endpoint whose resource is not known from the configuration may connect to the vault', undecided.map((e) => CONNECTED_RESOURCES(e.values))) : fail('no private endpoint connects to the vault');
  },
};
