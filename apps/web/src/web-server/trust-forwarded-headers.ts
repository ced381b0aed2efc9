import type { IncomingMessage } from "node:http";
import proxyAddr from "proxy-addr";

export type TrustProxy = (address: string, hop: number) => boolean;

/**
 * TRUSTED_PROXIES as Express's `trust proxy` reads it (proxy-addr does the matching): a number is
 * that many proxies in front of this server; a list names the proxies' addresses and ranges.
 */
export function compileTrustProxy(trusted: number | string[]): TrustProxy {
  if (typeof trusted === "number") return (_address, hop) => hop < trusted;
  return proxyAddr.compile(trusted);
}

// Headers a client could use to pose as someone else, or as having come over https, when no
// trusted proxy set them.
const PROXY_HEADERS = ["forwarded", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

/**
 * Rewrites X-Forwarded-For to exactly the one client address this server trusts, before Next.js
 * sees the request, so everything that reads it (the sign-in limiter) reads a trusted value: the
 * nearest address in the chain that is not a trusted proxy, which is the socket's own address when
 * none is trusted. The other forwarding headers are kept only from a trusted proxy.
 */
export function trustForwardedHeaders(request: IncomingMessage, trust: TrustProxy): void {
  const peer = request.socket.remoteAddress;
  if (peer) request.headers["x-forwarded-for"] = proxyAddr(request, trust);
  else delete request.headers["x-forwarded-for"];
  // X-Forwarded-For alone carries the client's address from here on.
  delete request.headers["x-real-ip"];
  if (peer && trust(peer, 0)) return;
  for (const name of PROXY_HEADERS) delete request.headers[name];
}
