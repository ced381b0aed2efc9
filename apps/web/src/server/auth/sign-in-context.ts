import { cookies, headers } from "next/headers";
import { clientIpFrom, type SignInContext } from "./authorize-credentials";
import { DEVICE_COOKIE, deviceCookieOptions, issueDeviceToken } from "./device-cookie";

/** Who is signing in, as the current request tells: its address and its device cookie. */
export async function readSignInContext(): Promise<SignInContext> {
  return { clientIp: clientIpFrom(await headers()), deviceToken: (await cookies()).get(DEVICE_COOKIE)?.value };
}

/** A fresh device cookie after a successful sign-in: this browser is now known for this account. */
export async function rememberDevice(userId: string): Promise<void> {
  const deviceToken = issueDeviceToken(userId);
  if (deviceToken) (await cookies()).set(DEVICE_COOKIE, deviceToken, deviceCookieOptions());
}
