import { networkInterfaces } from 'node:os';
import { request } from 'node:http';

/** Azure's instance metadata service, answered only on Azure VMs (and containers on them). */
const IMDS_NETWORK_URL = 'http://169.254.169.254/metadata/instance/network?api-version=2021-02-01';

/**
 * The IPv4 addresses this machine has in an Azure virtual network: the VM's private
 * addresses from the instance metadata service (right even inside a container whose
 * own address is a bridge's), and the local interfaces'.
 */
export async function machineAddresses(timeoutMs = 2000): Promise<string[]> {
  const local = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4' && !i.internal)
    .map((i) => i!.address);
  return [...new Set([...(await imdsAddresses(timeoutMs)), ...local])];
}

function imdsAddresses(timeoutMs: number): Promise<string[]> {
  return new Promise((resolve) => {
    const req = request(IMDS_NETWORK_URL, { headers: { Metadata: 'true' }, timeout: timeoutMs }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => {
        try {
          const parsed = JSON.parse(body) as { interface?: { ipv4?: { ipAddress?: { privateIpAddress?: string }[] } }[] };
          resolve((parsed.interface ?? []).flatMap((i) => (i.ipv4?.ipAddress ?? []).map((a) => a.privateIpAddress ?? '')).filter(Boolean));
        } catch {
          resolve([]);
        }
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve([]));
    req.end();
  });
}
