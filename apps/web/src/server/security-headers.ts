// The browser-facing security headers. The web server (src/web-server) sets the static ones on every
// response, the webhook route and static files included; the proxy (src/proxy.ts) replaces the
// Content-Security-Policy of pages and API routes with the full one, whose nonce changes per request.

/** The same on every response, so the web server sets them before Next.js answers. */
export function staticSecurityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    // Never the path (flow and run ids) to other sites; kept for our own origin, whose server actions
    // compare Origin with Host (a policy of no-referrer would send `Origin: null` on POSTs).
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    // Responses the proxy does not see (webhook ingress, static files) may not be framed either.
    "Content-Security-Policy": "frame-ancestors 'none'",
    ...(https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

interface PolicyOptions {
  nonce: string;
  /** `next dev` evaluates code for its overlay and talks to its HMR socket. */
  dev: boolean;
  https: boolean;
  /** Origins a form may be sent to besides ours: Xero's login, where "Connect" goes before hydration. */
  formTargets: string[];
}

/** The Content-Security-Policy of pages: Next.js puts the nonce on its own scripts (read from the request). */
export function contentSecurityPolicy({ nonce, dev, https, formTargets }: PolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': scripts loaded by the nonced ones (Next's chunks) run; nothing injected does.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // React renders style attributes (Radix positions its popovers with them) and the toaster adds
    // a <style>: inline styles are allowed, inline scripts are not.
    ["style-src", "'self'", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'", "data:"],
    ["connect-src", "'self'", ...(dev ? ["ws:"] : [])],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...formTargets],
    ["frame-ancestors", "'none'"],
    ...(https ? [["upgrade-insecure-requests"] as [string]] : []),
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** A fresh nonce for one response: 128 random bits, base64. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
