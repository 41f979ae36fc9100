/**
 * Whether the runner network can resolve this blueprint's private zones once the
 * stack links them to it. Two things Terraform cannot see stop that:
 *
 * - Azure links a virtual network to only one private DNS zone of a given name ("A
 *   virtual network cannot be linked to multiple zones with overlapping namespaces",
 *   MicrosoftDocs/azure-aks-docs#212). A second blueprint applied from the same runner
 *   network, or an agency hub whose central zones already link the runner network
 *   (usual in Azure Government landing zones), makes the stack's link fail half-way.
 * - A network with custom DNS servers resolves private zones only if those servers
 *   forward to Azure DNS (168.63.129.16) from a network linked to the zones
 *   (articles/aks/private-clusters.md, "Hub and spoke with custom DNS"). The stack links
 *   the runner network, so servers outside it resolve none of its names.
 */
import { aksApiServerDnsZone, PRIVATE_DNS_ZONES } from '../azure/private/dns-zones';
import type { Blueprint } from '../blueprint/blueprint';
import { cidrProblem, cidrsOverlap } from '../core/cidr';
import type { AzureCli } from './azure-cli';
import type { PreflightOutcome } from './preflight';

/** What the runner check already read of the runner network (`az network vnet show`). */
export interface RunnerNetwork {
  readonly id: string;
  readonly addressPrefixes: readonly string[];
  readonly dnsServers: readonly string[];
}

interface Zone {
  name?: string;
  resourceGroup?: string;
}

interface Link {
  virtualNetwork?: { id?: string };
}

/** The zones the Azure stack creates and links to the runner network. */
export function runnerLinkedZoneNames(bp: Blueprint): string[] {
  return [PRIVATE_DNS_ZONES[bp.azure.environment].keyVault, aksApiServerDnsZone(bp.azure.environment, bp.azure.location)];
}

/** The resource group the Azure stack creates its zones in (stacks/aks-stack.ts). */
const ownGroup = (bp: Blueprint) => `${bp.name}-rg`.toLowerCase();

export async function runnerDnsProblems(bp: Blueprint, runner: RunnerNetwork, az: AzureCli): Promise<PreflightOutcome> {
  const outside = runner.dnsServers.filter((s) => !runner.addressPrefixes.some((p) => !cidrProblem(p) && cidrsOverlap(`${s}/32`, p)));
  if (outside.length > 0) {
    return {
      ok: false,
      message: `the runner network ${runner.id} uses the DNS servers ${outside.join(', ')}, outside it; the stack links its private DNS zones (${runnerLinkedZoneNames(bp).join(', ')}) to the runner network, and those servers would not see them, so this machine could not reach the private Key Vault or API server. Use Azure-provided DNS on the runner network, or a DNS server inside it that forwards to 168.63.129.16 (articles/aks/private-clusters.md)`,
    };
  }
  const names = new Set(runnerLinkedZoneNames(bp).map((n) => n.toLowerCase()));
  const zones = (((await az(['network', 'private-dns', 'zone', 'list'])) ?? []) as Zone[]).filter(
    (z) => z.name && z.resourceGroup && names.has(z.name.toLowerCase()) && z.resourceGroup.toLowerCase() !== ownGroup(bp),
  );
  for (const zone of zones) {
    const links = ((await az(['network', 'private-dns', 'link', 'vnet', 'list', '--resource-group', zone.resourceGroup!, '--zone-name', zone.name!])) ?? []) as Link[];
    if (links.some((l) => l.virtualNetwork?.id?.toLowerCase() === runner.id.toLowerCase())) {
      return {
        ok: false,
        message: `the runner network ${runner.id} is already linked to the private DNS zone ${zone.name} in ${zone.resourceGroup} (another blueprint's, or the agency's central zone), and Azure links a network to only one zone of a name: this stack's link would fail ("A virtual network cannot be linked to multiple zones with overlapping namespaces"). hms-sys cannot use an existing zone yet (docs/DEPLOYMENT-REVIEW.md, Azure, round 3): apply this blueprint from a runner network of its own (azure.runnerNetworkId), or remove the other link if nothing needs it`,
      };
    }
  }
  return { ok: true };
}
