// Test-only: the Xero sandbox's admin endpoints (mint tokens as a finished consent would, revoke a
// grant, read the token endpoint's counters). Integration tests use these where a browser adds
// nothing. Needs the env that scripts/test.mjs sets.

export interface MintedTokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
  tenantIds: string[];
  scope: string;
  grantId: string;
}

export interface SandboxTokenStats {
  grants: Record<string, number>;
  refused: Record<string, number>;
}

function sandboxUrl(path: string): string {
  const base = process.env.LEDGERFLOW_TEST_SANDBOX_URL;
  if (!base) throw new Error("LEDGERFLOW_TEST_SANDBOX_URL is not set: run the tests with `node scripts/test.mjs`");
  return `${base}${path}`;
}

async function admin<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
  const response = await fetch(sandboxUrl(path), {
    method,
    headers: {
      "x-sandbox-admin-secret": process.env.XERO_SANDBOX_ADMIN_SECRET ?? "",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export const sandboxAdmin = {
  mintTokens: (input: { tenantIds?: string[]; scopes?: string[]; email?: string } = {}) =>
    admin<MintedTokens>("POST", "/sandbox/admin/tokens", input),
  revokeGrant: (refreshToken: string) =>
    admin<{ revokedGrantIds: string[] }>("POST", "/sandbox/admin/grants/revoke", { refreshToken }),
  expireAccessTokens: (grantId: string) =>
    admin<{ expiredAccessTokens: number }>("POST", "/sandbox/admin/tokens/expire", { grantId }),
  grantConnections: (grantId: string) =>
    admin<{ id: string; tenantId: string }[]>(
      "GET",
      `/sandbox/admin/grants/${encodeURIComponent(grantId)}/connections`,
    ),
  tokenStats: () => admin<SandboxTokenStats>("GET", "/sandbox/admin/stats"),
};

/**
 * Answers the sandbox's consent page for an authorization URL as a person would (the form posts
 * back to the authorize endpoint) and returns where the sandbox sends the browser: our callback
 * URL with `code` and `state`, or with `error=access_denied`.
 */
export async function answerSandboxConsent(
  authorizationUrl: string,
  answer: { decision: "allow" | "deny"; email?: string; tenantIds?: string[] },
): Promise<string> {
  const url = new URL(authorizationUrl);
  const form = new URLSearchParams(url.searchParams);
  form.set("decision", answer.decision);
  form.set("email", answer.email ?? `consent-${crypto.randomUUID()}@sandbox.test`);
  for (const tenantId of answer.tenantIds ?? []) form.append("tenantIds", tenantId);
  const response = await fetch(`${url.origin}${url.pathname}`, { method: "POST", body: form, redirect: "manual" });
  const location = response.headers.get("location");
  if (response.status !== 302 || !location) {
    throw new Error(
      `the sandbox consent answered ${response.status}, not a redirect: ${(await response.text()).slice(0, 300)}`,
    );
  }
  return location;
}
