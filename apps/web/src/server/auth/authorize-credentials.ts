import { prisma } from "@ledgerflow/db";
import { signInSchema } from "./credentials-schema";
import { knownDeviceId } from "./device-cookie";
import { verifyPassword } from "./password";
import { assertSignInAllowed, recordFailedSignIn, recordSuccessfulSignIn } from "./sign-in-rate-limit";

// Verifying against a dummy hash when the email is unknown keeps the response time the same as
// for a wrong password, so timing does not reveal which emails have accounts.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$L1eKTNZXWD+WD8VLPz7qgg$DioobxWd39rCq8xvoCT92nXf5si2PmlPxOl/9IHrKVw";

export const INVALID_CREDENTIALS_MESSAGE = "That email and password don't match an account.";

/** A wrong password or an unknown email (one error for both); next-auth shows its message. */
export class InvalidCredentialsError extends Error {
  constructor() {
    super(INVALID_CREDENTIALS_MESSAGE);
    this.name = "InvalidCredentialsError";
  }
}

export interface SignInContext {
  clientIp: string;
  /** The browser's device cookie (device-cookie.ts), if it sent one. */
  deviceToken: string | undefined;
}

/**
 * The Credentials provider's `authorize`: the user for a correct email and password. Wrong
 * credentials throw one message for both cases (no account enumeration); too many failures throw
 * the rate limiter's message. next-auth passes thrown messages back to the sign-in form. A device
 * cookie issued to this account exempts the attempt from the email's lockout (it has its own limit).
 */
export async function authorizeCredentials(credentials: unknown, { clientIp, deviceToken }: SignInContext) {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) throw new InvalidCredentialsError();
  const { email, password } = parsed.data;

  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  const attempt = { email, ip: clientIp, deviceId: knownDeviceId(deviceToken, user?.id) };
  await assertSignInAllowed(attempt);
  const valid = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
  if (!user?.passwordHash || !valid) {
    await recordFailedSignIn(attempt);
    throw new InvalidCredentialsError();
  }
  await recordSuccessfulSignIn(attempt);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

/** The caller's address as the reverse proxy reports it (first hop of X-Forwarded-For). */
export function clientIpFrom(headers: Record<string, unknown> | Headers | undefined): string {
  const read = (name: string): string | undefined => {
    if (!headers) return undefined;
    const value = headers instanceof Headers ? headers.get(name) : headers[name];
    return typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : undefined;
  };
  return read("x-forwarded-for")?.split(",")[0]?.trim() || read("x-real-ip") || "unknown";
}
