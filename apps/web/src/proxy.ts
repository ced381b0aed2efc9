import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";

// Signed-out visitors are sent to /login from every page except the public ones below. This is a
// convenience for navigation only: every page, action and route still checks the session itself
// (with-workspace.ts), because a proxy must never be the only gate.

const PUBLIC_PATHS = ["/", "/login", "/signup", "/api/health", "/api/connections/xero/callback"];
const PUBLIC_PREFIXES = ["/api/auth/", "/api/hooks/", "/api/xero/webhooks"];

function isPublic(pathname: string): boolean {
  return PUBLIC_PATHS.includes(pathname) || PUBLIC_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isPublic(pathname)) return NextResponse.next();

  const token = await getToken({
    req: request,
    secret: process.env.NEXTAUTH_SECRET,
    secureCookie: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
  });
  if (token) return NextResponse.next();

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
  matcher: ["/((?!_next/static|_next/image|api/hooks/|.*\\.[a-zA-Z0-9]+$).*)"],
};
