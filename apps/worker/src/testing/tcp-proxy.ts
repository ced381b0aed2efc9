import net from "node:net";

/**
 * A TCP proxy in the test process, in front of a real server (PostgreSQL here). Processes that
 * connect through it see the server go away on `stop()` — open connections are cut and new ones
 * refused, as when PostgreSQL is shut down — and come back on `start()`, on the same port. The real
 * server keeps running for everyone else (other suites, and the test's own queries).
 */
export interface TcpProxy {
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Connections made through the proxy since it started: shows the processes really used it. */
  connectionsMade(): number;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let made = 0;
  const server = net.createServer((client) => {
    made++;
    const upstream = net.connect(target.port, target.host);
    const cut = () => {
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.once("close", () => open.delete(socket));
      // Either side failing ends the pair, as a dead server would.
      socket.on("error", cut);
    }
    client.pipe(upstream).pipe(client);
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject);
        resolve();
      });
    });

  await listen(0);
  const { port } = server.address() as net.AddressInfo;
  return {
    port,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of open) socket.destroy();
      await closed;
    },
    start: () => listen(port),
    connectionsMade: () => made,
  };
}

/** `url` with its host and port replaced by the proxy's (user, password and database kept). */
export function throughProxy(url: string, proxy: TcpProxy): string {
  const proxied = new URL(url);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(proxy.port);
  return proxied.toString();
}
