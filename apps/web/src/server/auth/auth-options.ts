import { serverEnv } from "@ledgerflow/config";
import type { AuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authorizeCredentials } from "./authorize-credentials";
import { sameOriginPath } from "./same-origin-path";
import { readSignInContext, rememberDevice } from "./sign-in-context";

let cached: AuthOptions | undefined;

/**
 * next-auth configuration: email + password (Credentials) with JWT sessions, which is what the
 * Credentials provider requires. The session carries only the user id; workspace and role are
 * read from the database on every request (with-workspace.ts), so removing a membership takes
 * effect at once. Built lazily so that importing it (as `next build` does) needs no environment.
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
      jwt({ token, user }) {
        if (user) token.sub = user.id;
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
