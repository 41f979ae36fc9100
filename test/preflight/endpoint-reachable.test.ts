import { checkReachable } from '../../lib/preflight/endpoint-reachable';
import { closedPort, listeningServer } from '../support/net';

describe('checkReachable', () => {
  let port: number;
  let close: () => Promise<void>;
  beforeAll(async () => ({ port, close } = await listeningServer()));
  afterAll(() => close());

  test('a listening endpoint is reachable', async () => {
    expect(await checkReachable('127.0.0.1', port)).toEqual({ ok: true, address: '127.0.0.1' });
  });

  test('a closed port is refused, and says so', async () => {
    expect(await checkReachable('127.0.0.1', await closedPort())).toMatchObject({ ok: false, reason: 'connection refused' });
  });

  test('a name that does not resolve is told apart from a blocked path', async () => {
    expect(await checkReachable('no-such-host.invalid', 443)).toMatchObject({ ok: false, reason: 'name does not resolve' });
  });
});
