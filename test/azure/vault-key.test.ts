import { ResourceGroup } from '@cdktf/provider-azurerm/lib/resource-group';
import { KEY_LIFETIME_DAYS, KEY_NOTIFY_BEFORE_DAYS, KEY_ROTATE_AFTER_DAYS, vaultKey } from '../../lib/azure/vault-key';
import { FAKE_VAULT } from '../support/azure-fixtures';
import { onlyResource, synthConstructs } from '../support/synth';

/** Days in an ISO 8601 duration of the form P<n>D. */
function days(duration: string): number {
  const m = /^P(\d+)D$/.exec(duration);
  if (!m) throw new Error(`not a day duration: ${duration}`);
  return Number(m[1]);
}

describe('vaultKey', () => {
  const key = onlyResource(
    synthConstructs((scope) => vaultKey(scope, 'key', { keyName: 'disks', keyVault: { ...FAKE_VAULT, dataPlaneReady: [] } })),
    'azurerm_key_vault_key',
  );

  test('rotation triggers for the first version too: measured from creation, never from an expiry it may not have', () => {
    // time_before_expiry never fires for a version without an expiry date, and expire_after
    // dates only versions that rotation creates (Microsoft Learn, "Configure key auto-rotation").
    expect(key.rotation_policy.automatic).toEqual({ time_after_creation: `P${KEY_ROTATE_AFTER_DAYS}D` });
    expect(key.rotation_policy.automatic.time_before_expiry).toBeUndefined();
  });

  test('the first version expires too, set once at creation and left alone on later plans (IA-5)', () => {
    expect(key.expiration_date).toBe(`\${timeadd(timestamp(), "${KEY_LIFETIME_DAYS * 24}h")}`);
    expect(key.lifecycle).toEqual({ ignore_changes: ['expiration_date'], prevent_destroy: true });
  });

  test("later versions expire after the same lifetime, and the rotation comes before it with Key Vault's 7-day margin", () => {
    expect(key.rotation_policy).toMatchObject({ expire_after: `P${KEY_LIFETIME_DAYS}D`, notify_before_expiry: `P${KEY_NOTIFY_BEFORE_DAYS}D` });
    const lifetime = days(key.rotation_policy.expire_after);
    expect(days(key.rotation_policy.automatic.time_after_creation)).toBeLessThanOrEqual(lifetime - 7);
    // azurerm v4.55.0 key_vault_key_resource.go: expire_after in [P28D, P100Y], notify_before_expiry in [P7D, P36493D].
    expect(lifetime).toBeGreaterThanOrEqual(28);
    expect(days(key.rotation_policy.notify_before_expiry)).toBeGreaterThanOrEqual(7);
  });

  test('an HSM key for wrapping only', () => {
    expect(key).toMatchObject({ key_type: 'RSA-HSM', key_size: 3072, key_opts: ['wrapKey', 'unwrapKey'] });
  });

  test("waits for the vault's data-plane path", () => {
    const withPath = onlyResource(
      synthConstructs((scope) => {
        const endpoint = new ResourceGroup(scope, 'Endpoint', { name: 'x', location: 'y' });
        vaultKey(scope, 'key', { keyName: 'k', keyVault: { ...FAKE_VAULT, dataPlaneReady: [endpoint] } });
      }),
      'azurerm_key_vault_key',
    );
    expect(withPath.depends_on).toEqual([expect.stringMatching(/^azurerm_resource_group\./)]);
  });
});
