import net from "node:net";

/**
 * A TCP proxy in the test process, in front of a real server (PostgreSQL or Redis here). Processes
 * that connect through it see the server go away on `stop()` — open connections are cut and new
 * ones refused, as when the server is shut down — and come back on `start()`, on the same port.
 * `freeze()` is the nastier fault: connections stay open (and new ones are accepted) but no byte
 * moves in either direction, as with a frozen server or a network that drops packets; `thaw()`
 * lets the held bytes through. The real server keeps running for everyone else.
 */
export interface TcpProxy {
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  freeze(): void;
  thaw(): void;
  /** Connections made through the proxy since it started: shows the processes really used it. */
  connectionsMade(): number;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let made = 0;
  let frozen = false;
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
    // After pipe(): pipe() resumes a paused source.
    if (frozen) for (const socket of [client, upstream]) socket.pause();
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
    // Paused sockets are not read, so nothing is forwarded; the kernel buffers what peers send.
    freeze() {
      frozen = true;
      for (const socket of open) socket.pause();
    },
    thaw() {
      frozen = false;
      for (const socket of open) socket.resume();
    },
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
