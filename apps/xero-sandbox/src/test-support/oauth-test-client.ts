import type { XeroAppSettings } from "@ledgerflow/connector-xero";
import { TEST_CLIENT, type TestSandbox } from "./start-test-sandbox";

/** The app's Xero settings pointed at a test sandbox. */
export function testClientSettings(sandbox: TestSandbox, overrides: Partial<XeroAppSettings> = {}): XeroAppSettings {
  return {
    identityUrl: sandbox.url,
    apiUrl: sandbox.url,
    clientId: TEST_CLIENT.clientId,
    clientSecret: TEST_CLIENT.clientSecret,
    redirectUri: TEST_CLIENT.redirectUris[0]!,
    scopes: ["openid", "profile", "email", "offline_access", "accounting.invoices", "accounting.contacts"],
    timeoutMs: 10_000,
    ...overrides,
  };
}

/**
 * Answers the consent form as a browser would post it: the authorize URL's parameters plus the
 * user's choices. Returns where the sandbox redirects to (the app's callback URL).
 */
export async function submitConsent(
  authorizeUrl: URL,
  choices: { email?: string; tenantIds?: string[]; decision?: "allow" | "deny" },
): Promise<{ status: number; location: string | null; body: string }> {
  const form = new URLSearchParams(authorizeUrl.searchParams);
  form.set("decision", choices.decision ?? "allow");
  if (choices.email !== undefined) form.set("email", choices.email);
  for (const tenantId of choices.tenantIds ?? []) form.append("tenantIds", tenantId);
  const response = await fetch(new URL("/identity/connect/authorize", authorizeUrl), {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location"), body: await response.text() };
}
