import { createServer, type Server } from 'node:net';

/** A TCP server on 127.0.0.1 that accepts and closes connections, and its port. */
export async function listeningServer(): Promise<{ server: Server; port: number; close: () => Promise<void> }> {
  const server = createServer((s) => s.end());
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as { port: number }).port, close: () => new Promise<void>((done) => server.close(() => done())) };
}

/** A port on 127.0.0.1 where nothing listens: connections to it are refused. */
export async function closedPort(): Promise<number> {
  const { port, close } = await listeningServer();
  await close();
  return port;
}
