import type { DefaultSession } from "next-auth";

// The session exposes the user's id (set in auth-options.ts callbacks).
declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & { id: string };
  }
}
