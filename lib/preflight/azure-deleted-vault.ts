/**
 * A blueprint applied again after a teardown: its vault (purge protection, 90 days of
 * soft delete) is still deleted, and azurerm recovers it on create
 * (`features.key_vault.recover_soft_deleted_key_vaults`, default true) with every key
 * it held. Creating a key then reads it first and stops: "already exists - to be
 * managed via Terraform this resource needs to be imported into the State"
 * (azurerm v4.55.0 internal/services/keyvault/key_vault_key_resource.go:298-306).
 * Key names are fixed by the blueprint, so the keys can be imported before the apply.
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AzureCli } from './azure-cli';
import type { PreflightOutcome } from './preflight';

interface DeletedVault {
  name?: string;
}

/** Terraform address and key name of every Key Vault key in a synthesized stack. */
export function vaultKeysOf(stackFile: string): { address: string; name: string }[] {
  const tf = JSON.parse(readFileSync(stackFile, 'utf8')) as { resource?: { azurerm_key_vault_key?: Record<string, { name: string }> } };
  return Object.entries(tf.resource?.azurerm_key_vault_key ?? {}).map(([id, key]) => ({ address: `azurerm_key_vault_key.${id}`, name: key.name }));
}

/** Fails, with the commands that recover the vault and import its keys, if the vault is soft-deleted. */
export async function deletedVaultProblem(vaultName: string, stackFile: string, az: AzureCli): Promise<PreflightOutcome> {
  const deleted = ((await az(['keyvault', 'list-deleted', '--resource-type', 'vault'])) ?? []) as DeletedVault[];
  if (!deleted.some((v) => v.name?.toLowerCase() === vaultName.toLowerCase())) return { ok: true };
  const imports = vaultKeysOf(stackFile).map(
    (k) => `terraform -chdir=${dirname(stackFile)} import '${k.address}' "$(az keyvault key show --vault-name ${vaultName} --name ${k.name} --query key.kid --output tsv)"`,
  );
  return {
    ok: false,
    message: [
      `the Key Vault ${vaultName} of this blueprint is soft-deleted (a teardown less than 90 days ago; purge protection keeps it). Recovering it brings its keys back, and Terraform would then refuse to create keys that already exist. Recover it and import its keys, then apply again (a key the old vault did not hold has nothing to import: skip its line if az says it is not found):`,
      `az keyvault recover --name ${vaultName}`,
      ...imports,
    ].join('\n  '),
  };
}
