import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { contentSecurityPolicy, newNonce } from "./server/security-headers";

// Signed-out visitors are sent to /login from every page except the public ones below. This is a
// convenience for navigation only: every page, action and route still checks the session itself
// (with-workspace.ts), because a proxy must never be the only gate. It also gives every page and
// API route its Content-Security-Policy (server/security-headers.ts).

const PUBLIC_PATHS = ["/", "/login", "/signup", "/api/health", "/api/connections/xero/callback"];
const PUBLIC_PREFIXES = ["/api/auth/", "/api/hooks/", "/api/xero/webhooks"];

function isPublic(pathname: string): boolean {
  return PUBLIC_PATHS.includes(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

const https = (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
const formTargets = [new URL(process.env.XERO_LOGIN_URL || "https://login.xero.com").origin];

export async function proxy(request: NextRequest) {
  // Next.js reads the nonce from the request's Content-Security-Policy and puts it on every script
  // it renders; the browser gets the same policy on the response.
  const policy = contentSecurityPolicy({
    nonce: newNonce(),
    dev: process.env.NODE_ENV === "development",
    https,
    formTargets,
  });
  const response = await signInGate(request, policy);
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

/** Lets the request through (with the policy for Next.js to read), or answers 401 / sends to sign-in. */
async function signInGate(request: NextRequest, policy: string): Promise<NextResponse> {
  const { pathname, search } = request.nextUrl;
  const next = () => {
    const headers = new Headers(request.headers);
    headers.set("Content-Security-Policy", policy);
    return NextResponse.next({ request: { headers } });
  };
  if (isPublic(pathname)) return next();

  const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET, secureCookie: https });
  if (token) return next();

  if (pathname.startsWith("/api/")) {
    return NextResponse.json({ error: "Sign in to continue." }, { status: 401 });
  }
  const login = new URL("/login", request.url);
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  // Everything but Next's own assets, files with an extension (icons, images) and webhook ingress
  // (public, and the hottest path: skipping the proxy there saves CPU on every event).
  matcher: ["/((?!_next/static|_next/image|api/hooks/|api/xero/webhooks|.*\\.[a-zA-Z0-9]+$).*)"],
};
