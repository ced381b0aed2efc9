import type { DefaultSession } from "next-auth";

// The session exposes the user's id; the token carries the user's session version (both set in
// auth-options.ts callbacks; authorize() returns the version with the user).
declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & { id: string };
  }
  interface User {
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
  }
}
