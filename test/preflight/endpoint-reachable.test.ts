import { createServer, type Server } from 'node:net';
import { checkReachable } from '../../lib/preflight/endpoint-reachable';

describe('checkReachable', () => {
  let server: Server;
  let port: number;
  beforeAll(async () => {
    server = createServer((s) => s.end());
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  test('a listening endpoint is reachable', async () => {
    expect(await checkReachable('127.0.0.1', port)).toEqual({ ok: true, address: '127.0.0.1' });
  });

  test('a closed port is refused, and says so', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const closedPort = (closed.address() as { port: number }).port;
    await new Promise<void>((done) => closed.close(() => done()));
    expect(await checkReachable('127.0.0.1', closedPort)).toMatchObject({ ok: false, reason: 'connection refused' });
  });

  test('a name that does not resolve is told apart from a blocked path', async () => {
    expect(await checkReachable('no-such-host.invalid', 443)).toMatchObject({ ok: false, reason: 'name does not resolve' });
  });
});
