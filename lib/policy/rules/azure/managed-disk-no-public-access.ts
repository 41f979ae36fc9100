import { fail, pass, unknown, type Rule } from '../../engine/rule';
import { bool, isUnresolved } from '../../engine/values';

const PRIVATE_POLICIES = ['denyall', 'allowprivate'];

/** Azure Policy f39f5f49 (disk access resources should use private link). */
export const managedDiskNoPublicAccess: Rule = {
  id: 'HMS-DISK-2',
  publicChecks: ['CKV_AZURE_251'],
  appliesTo: ['azurerm_managed_disk'],
  summary: 'Managed disks cannot be exported or imported over the public network',
  rationale: 'A disk SAS URL over the public network lets anyone holding it copy the disk (SC-7, AC-4).',
  fix: 'Set public_network_access_enabled = false, or network_access_policy = "DenyAll" (or "AllowPrivate" with a disk access).',
  check(r) {
    const open = bool(r.values.public_network_access_enabled);
    const policy = r.values.network_access_policy;
    const privatePolicy = typeof policy === 'string' && PRIVATE_POLICIES.includes(policy.trim().toLowerCase());
    // Either setting closes the public path: "Disabled: you cannot access the underlying data of the disk publicly on the
    // internet even when NetworkAccessPolicy is set to AllowAll"; with AllowPrivate or DenyAll a SAS works only from a
    // trusted VNet, or not at all (https://learn.microsoft.com/javascript/api/@azure/arm-compute/knownpublicnetworkaccess).
    if (open === false || privatePolicy) return pass;
    if (open === 'unknown' || isUnresolved(policy)) return unknown('disk network access is not known from the configuration', r.values.public_network_access_enabled, policy);
    // azurerm 4.x defaults: public_network_access_enabled = true, network_access_policy = AllowAll.
    return fail(`public_network_access_enabled ${open === undefined ? 'defaults to true' : 'is true'} and network_access_policy is ${JSON.stringify(policy ?? 'AllowAll (default)')}`);
  },
};
