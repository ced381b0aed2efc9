import { getServerSession } from "next-auth";
import { authOptions } from "./auth-options";

export interface SessionUser {
  id: string;
  email: string | null;
  name: string | null;
}

export interface AppSession {
  user: SessionUser;
  /** ISO time the session cookie expires. */
  expires: string;
}

/**
 * The signed-in session, or null. Works in server components, route handlers and server actions.
 * A revoked session (its version is behind the user's: auth-options.ts's jwt callback) is null too.
 */
export async function getAppSession(): Promise<AppSession | null> {
  const session = await getServerSession(authOptions());
  const user = session?.user;
  if (!session || !user?.id) return null;
  return { user: { id: user.id, email: user.email ?? null, name: user.name ?? null }, expires: session.expires };
}
