/**
 * A TCP proxy in front of a test's server (PostgreSQL in the built runnables' shutdown and drain
 * tests): each client connection gets a connection of its own to the server, and `close()` ends
 * the listener and every connection at once, which the runnables see as "the database is gone".
 */
import net from 'node:net';

/** A running proxy: the port it listens on (127.0.0.1), and how to cut everything. */
export interface TcpProxy {
  port: number;
  close(): void;
}

/**
 * Starts the proxy on a free port.
 * @param target - the server's URL (its host and port; 5432 when it names none)
 * @param connect - wires a client to its upstream connection; by default bytes flow both ways untouched
 */
export async function startTcpProxy(
  target: URL,
  connect: (client: net.Socket, upstream: net.Socket) => void = (client, upstream) => void client.pipe(upstream).pipe(client),
): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => sockets.delete(socket));
    }
    connect(client, upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close() {
      server.close();
      for (const socket of sockets) socket.destroy();
    },
  };
}
