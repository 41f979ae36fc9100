import { PrivateDnsZone } from '@cdktf/provider-azurerm/lib/private-dns-zone';
import { PrivateDnsZoneVirtualNetworkLink } from '@cdktf/provider-azurerm/lib/private-dns-zone-virtual-network-link';
import { PrivateEndpoint } from '@cdktf/provider-azurerm/lib/private-endpoint';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import type { AzureEnvironment } from '../core/defaults';
import { PropsValidator } from '../core/errors';

/** A virtual network that resolves private endpoint names through the zones it is linked to. */
export interface NetworkLink {
  /** Short name, part of the link's name (e.g. `cluster`, `runner`). */
  readonly name: string;
  readonly virtualNetworkId: string;
}

/** Where a service reached only through a private endpoint lives, and who resolves it. */
export interface PrivateServiceProps {
  /** Prefix for names, usually the blueprint name. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Picks the private DNS zones (Azure Government or public cloud). */
  readonly environment: AzureEnvironment;
  /** Subnet that holds the private endpoint. */
  readonly privateEndpointSubnetId: string;
  /** Networks that resolve the service's private names. */
  readonly linkedNetworks: readonly NetworkLink[];
}

export interface PrivateLinkProps {
  /** Names the endpoint, its connection and its links. */
  readonly name: string;
  readonly resourceGroupName: string;
  readonly location: string;
  /** Subnet that holds the endpoint's address. */
  readonly subnetId: string;
  /** The Azure resource reached privately. */
  readonly resourceId: string;
  /** Its private link sub-resource: `vault`, `registry`, `file`, `azuremonitor`. */
  readonly subresource: string;
  /** Zones the endpoint registers its names in, one per name family of the service. */
  readonly dnsZoneNames: readonly string[];
  /** Networks that must resolve the names: the blueprint network, and where apply needs the data plane, the runner network. */
  readonly linkedNetworks: readonly NetworkLink[];
  /**
   * Resources the endpoint must wait for (e.g. an AMPLS's scoped services, whose
   * records are written when the endpoint is created).
   * @default - none
   */
  readonly dependsOn?: ITerraformDependable[];
}

/**
 * A private endpoint with its DNS: one private DNS zone per name family, linked to
 * every network that uses the service, and a zone group that writes the endpoint's
 * A records into them (SC-7). `ready` is what a data-plane call from one of those
 * networks waits for: the endpoint, its records, and the links.
 * @see https://learn.microsoft.com/azure/private-link/private-endpoint-dns
 */
export class PrivateLink extends Construct {
  public readonly privateEndpointId: string;
  /** Zone ids by name. */
  public readonly dnsZoneIds: Readonly<Record<string, string>>;
  /** The endpoint (with its DNS zone group) and every zone link. */
  public readonly ready: ITerraformDependable[];

  constructor(scope: Construct, id: string, props: PrivateLinkProps) {
    super(scope, id);
    new PropsValidator('azure.PrivateLink', this.node.path)
      .check(props.dnsZoneNames.length > 0, 'dnsZoneNames must name at least one zone')
      .check(props.linkedNetworks.length > 0, 'linkedNetworks must name the networks that resolve the endpoint')
      .check(new Set(props.linkedNetworks.map((l) => l.name)).size === props.linkedNetworks.length, 'linkedNetworks must have distinct names')
      .throwIfAny();
    const zones = props.dnsZoneNames.map((name, i) => new PrivateDnsZone(this, `Zone${i}`, { name, resourceGroupName: props.resourceGroupName }));
    const links = zones.flatMap((zone, i) =>
      props.linkedNetworks.map(
        (network) =>
          new PrivateDnsZoneVirtualNetworkLink(this, `Zone${i}Link-${network.name}`, {
            name: `${props.name}-${network.name}`,
            resourceGroupName: props.resourceGroupName,
            privateDnsZoneName: zone.name,
            virtualNetworkId: network.virtualNetworkId,
            registrationEnabled: false,
          }),
      ),
    );
    const endpoint = new PrivateEndpoint(this, 'Resource', {
      name: `${props.name}-pe`,
      resourceGroupName: props.resourceGroupName,
      location: props.location,
      subnetId: props.subnetId,
      privateServiceConnection: { name: props.name, privateConnectionResourceId: props.resourceId, subresourceNames: [props.subresource], isManualConnection: false },
      privateDnsZoneGroup: { name: props.subresource, privateDnsZoneIds: zones.map((z) => z.id) },
      dependsOn: props.dependsOn,
    });
    this.privateEndpointId = endpoint.id;
    this.dnsZoneIds = Object.fromEntries(zones.map((z, i) => [props.dnsZoneNames[i], z.id]));
    this.ready = [endpoint, ...links];
  }
}
