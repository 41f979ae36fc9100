/** The parts of an Azure virtual network resource id (validated by the blueprint schema). */
export interface VirtualNetworkIdParts {
  readonly subscriptionId: string;
  readonly resourceGroupName: string;
  readonly name: string;
}

const VNET_ID = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Network\/virtualNetworks\/([^/]+)$/i;

/** Splits a virtual network id; throws on anything else (callers pass validated ids). */
export function parseVirtualNetworkId(id: string): VirtualNetworkIdParts {
  const m = VNET_ID.exec(id);
  if (!m) throw new Error(`not a virtual network id: ${id}`);
  return { subscriptionId: m[1], resourceGroupName: m[2], name: m[3] };
}
