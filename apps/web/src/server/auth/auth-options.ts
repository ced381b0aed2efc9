import { serverEnv } from "@ledgerflow/config";
import { getSessionVersion } from "@ledgerflow/runtime";
import type { AuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authorizeCredentials } from "./authorize-credentials";
import { sameOriginPath } from "./same-origin-path";
import { readSignInContext, rememberDevice } from "./sign-in-context";

let cached: AuthOptions | undefined;

/** A session issued before "sign out everywhere" or a password change (or whose user is gone). */
class SessionRevokedError extends Error {
  constructor() {
    super("This session was signed out.");
    this.name = "SessionRevokedError";
  }
}

/**
 * next-auth configuration: email + password (Credentials) with JWT sessions, which is what the
 * Credentials provider requires. The session carries only the user id and the user's session
 * version when it was issued; the version, workspace and role are read from the database on every
 * request (here and in with-workspace.ts), so "sign out everywhere", a password change and a
 * removed membership take effect at once. Built lazily so that importing it (as `next build`
 * does) needs no environment.
 */
export function authOptions(): AuthOptions {
  if (cached) return cached;
  const env = serverEnv();
  cached = {
    secret: env.NEXTAUTH_SECRET,
    // httpOnly + sameSite=lax are next-auth's cookie defaults; `secure` follows the public URL.
    useSecureCookies: env.NEXTAUTH_URL.startsWith("https://"),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/login" },
    logger: {
      // A revoked session is a signed-out visitor, not an error worth a stack trace per request.
      error(code, metadata) {
        if (metadata instanceof SessionRevokedError) return;
        console.error(`[next-auth][error][${code}]`, metadata);
      },
    },
    providers: [
      Credentials({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        // Errors thrown here (wrong credentials, rate limited) reach the form as their message.
        async authorize(credentials) {
          const user = await authorizeCredentials(credentials, await readSignInContext());
          await rememberDevice(user.id);
          return user;
        },
      }),
    ],
    callbacks: {
      // next-auth's own check accepts any URL it can prefix with ours; ours is the sign-in page's.
      redirect({ url, baseUrl }) {
        const path = sameOriginPath(url, baseUrl);
        return path ? new URL(path, baseUrl).toString() : baseUrl;
      },
      // Runs on every read of the session (getServerSession, /api/auth/session). Throwing makes
      // next-auth answer "no session" and clear the cookie where it can: a revoked session is then
      // exactly a signed-out one (pages redirect to /login, routes 401, actions redirect).
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sessionVersion = user.sessionVersion;
          return token;
        }
        // Sessions from before session versions existed carry none: they count as version 0.
        const current = token.sub ? await getSessionVersion({ userId: token.sub }) : null;
        if (current === null || current !== (token.sessionVersion ?? 0)) throw new SessionRevokedError();
        return token;
      },
      session({ session, token }) {
        if (session.user && token.sub) session.user.id = token.sub;
        return session;
      },
    },
  };
  return cached;
}
