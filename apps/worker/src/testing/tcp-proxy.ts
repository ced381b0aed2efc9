import net from "node:net";
import { Transform } from "node:stream";

/**
 * A TCP proxy in the test process, in front of a real server (PostgreSQL or Redis here). Processes
 * that connect through it see the server go away on `stop()` — open connections are cut and new
 * ones refused, as when the server is shut down — and come back on `start()`, on the same port.
 * `freeze()` is the nastier fault: connections stay open (and new ones are accepted) but no byte
 * moves in either direction, as with a frozen server or a network that drops packets; `thaw()`
 * lets the held bytes through. `freezeOn(marker)` freezes at a chosen moment: as soon as a client
 * sends bytes containing `marker` (say, the text of one SQL statement), those bytes are held and
 * everything freezes — the request has left the client, the server has not seen it. The real
 * server keeps running for everyone else.
 */
export interface TcpProxy {
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
  freeze(): void;
  freezeOn(marker: string): void;
  thaw(): void;
  /** Connections made through the proxy since it started: shows the processes really used it. */
  connectionsMade(): number;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>();
  let made = 0;
  let frozen = false;
  let trap: Buffer | null = null;
  let release: (() => void) | null = null;
  const freezeAll = () => {
    frozen = true;
    for (const socket of open) socket.pause();
  };
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
    // What the client sends passes a gate that can hold the chunk carrying the trap's marker.
    const gate = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        if (trap && chunk.includes(trap)) {
          trap = null;
          freezeAll();
          release = () => done(null, chunk);
          return;
        }
        done(null, chunk);
      },
    });
    client.pipe(gate).pipe(upstream).pipe(client);
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
    freeze: freezeAll,
    freezeOn(marker) {
      trap = Buffer.from(marker);
    },
    thaw() {
      frozen = false;
      trap = null;
      for (const socket of open) socket.resume();
      release?.();
      release = null;
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
