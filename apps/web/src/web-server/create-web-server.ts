import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { staticSecurityHeaders } from "../server/security-headers";
import { type TrustProxy, trustForwardedHeaders } from "./trust-forwarded-headers";

export interface WebServerOptions {
  trust: TrustProxy;
  /** The public URL is https: browsers are told to keep to it (HSTS). */
  https: boolean;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /**
   * Paths answered by another route: the exact request path → the route's path, query kept
   * (XERO_WEBHOOK_PATH → /api/xero/webhooks). Decided here, per request, because Next.js's
   * rewrites are fixed when the app is built and the path is the operator's to set at start.
   */
  pathAliases?: ReadonlyMap<string, string>;
}

type RequestHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/**
 * The HTTP server in front of Next.js's request handler: it bounds slow clients, decides which
 * client address Next.js sees, and sets the static security headers on every response.
 */
export function createWebServer(handle: RequestHandler, options: WebServerOptions): http.Server {
  const securityHeaders = Object.entries(staticSecurityHeaders({ https: options.https }));
  const aliases = options.pathAliases ?? new Map<string, string>();
  const server = http.createServer(
    {
      headersTimeout: options.headersTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
      keepAliveTimeout: options.keepAliveTimeoutMs,
      // Node compares connections with both bounds only this often (30 s by default, which let
      // trickled headers live past a minute); a tenth of the header bound, at most a second.
      connectionsCheckingInterval: Math.max(100, Math.min(1_000, options.headersTimeoutMs / 10)),
    },
    (request, response) => {
      trustForwardedHeaders(request, options.trust);
      if (aliases.size > 0 && request.url) request.url = aliasedUrl(request.url, aliases);
      for (const [name, value] of securityHeaders) response.setHeader(name, value);
      handle(request, response).catch((error: unknown) => {
        console.error(`Failed to handle ${request.method} ${request.url?.split("?")[0]}`, error);
        if (response.headersSent) response.destroy();
        else response.writeHead(500).end("Internal Server Error");
      });
    },
  );
  // Node's header bound starts at a request's first byte, so a connection that never sends one
  // would stay open for good: it gets the same bound to start.
  server.on("connection", (socket) => {
    const timer = setTimeout(() => socket.bytesRead === 0 && socket.destroy(), options.headersTimeoutMs);
    socket.once("close", () => clearTimeout(timer));
  });
  return server;
}

/** The request URL with its path replaced by the route it is an alias of, if it is one. */
function aliasedUrl(url: string, aliases: ReadonlyMap<string, string>): string {
  const queryAt = url.indexOf("?");
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const route = aliases.get(path);
  return route === undefined ? url : `${route}${queryAt === -1 ? "" : url.slice(queryAt)}`;
}
