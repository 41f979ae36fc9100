import { lookup } from 'node:dns/promises';
import { connect } from 'node:net';

/** Why an endpoint could not be reached, in the words an operator acts on. */
export type Unreachable = 'name does not resolve' | 'connection refused' | 'timed out' | 'network unreachable' | 'failed';

export interface Reachability {
  readonly ok: boolean;
  /** The address the name resolved to, when it did. */
  readonly address?: string;
  readonly reason?: Unreachable;
  readonly detail?: string;
}

/** How long a TCP connection may take before the endpoint counts as unreachable. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

/**
 * Resolves `host` and opens (then closes) a TCP connection to it: what a private
 * API endpoint needs from the machine that runs Terraform. Resolution comes first,
 * so a private DNS zone the runner cannot see is told apart from a blocked path.
 */
export async function checkReachable(host: string, port: number, timeoutMs = DEFAULT_CONNECT_TIMEOUT_MS): Promise<Reachability> {
  let address: string;
  try {
    address = (await lookup(host)).address;
  } catch (e) {
    return { ok: false, reason: 'name does not resolve', detail: (e as NodeJS.ErrnoException).code };
  }
  return new Promise((done) => {
    const socket = connect({ host: address, port });
    const finish = (result: Reachability) => {
      socket.destroy();
      done(result);
    };
    socket.setTimeout(timeoutMs, () => finish({ ok: false, address, reason: 'timed out', detail: `no answer within ${timeoutMs} ms` }));
    socket.once('connect', () => finish({ ok: true, address }));
    socket.once('error', (e: NodeJS.ErrnoException) => {
      const reason: Unreachable = e.code === 'ECONNREFUSED' ? 'connection refused' : e.code === 'ENETUNREACH' || e.code === 'EHOSTUNREACH' ? 'network unreachable' : 'failed';
      finish({ ok: false, address, reason, detail: e.code });
    });
  });
}
