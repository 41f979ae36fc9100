import { fail, pass, unknown, type Rule } from '../../engine/rule';

/** Azure reserves these subnets for services that must not have an NSG (or manage their own). */
const EXEMPT = ['GatewaySubnet', 'AzureFirewallSubnet', 'AzureFirewallManagementSubnet', 'RouteServerSubnet'];

/** Azure Policy e71308d3. */
export const subnetHasNetworkSecurityGroup: Rule = {
  id: 'HMS-NSG-2',
  publicChecks: ['CKV2_AZURE_31'],
  appliesTo: ['azurerm_subnet'],
  summary: 'Every subnet has a network security group',
  rationale: 'A subnet without an NSG allows all traffic within the virtual network and from peers (SC-7, AC-4).',
  fix: 'Add an azurerm_subnet_network_security_group_association for the subnet.',
  check(r, ctx) {
    if (EXEMPT.includes(String(r.values.name))) return pass;
    const associated = ctx.referencing('azurerm_subnet_network_security_group_association', 'subnet_id', r).length > 0;
    if (associated) return pass;
    const undecided = ctx.undecided('azurerm_subnet_network_security_group_association', 'subnet_id');
    return undecided.length > 0 ? unknown('an association whose subnet is not known from the configuration may cover it', undecided.map((a) => a.values.subnet_id)) : fail('no network security group is associated');
  },
};
