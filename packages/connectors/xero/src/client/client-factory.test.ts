import { afterAll, describe, expect, it } from "vitest";
import { AccountingApi } from "xero-node";
import {
  buildAuthorizationUrl,
  createAccountingApi,
  exchangeAuthorizationCode,
  listTenantConnections,
  xeroAppSettings,
} from "./index";
import { refreshTokenSet } from "./refresh-token-set";
import { revokeToken } from "./revoke-token";

// The client factory as the app uses it: every URL and credential from the environment (set by
// scripts/test.mjs to point at the sandbox it started), nothing passed in.

const sandboxUrl = process.env.LEDGERFLOW_TEST_SANDBOX_URL;
const revokeAfter: string[] = [];

afterAll(async () => {
  for (const refreshToken of revokeAfter) await revokeToken(refreshToken);
});

/** Posts the sandbox's consent form as a browser would, ticking its first organisation. */
async function consent(authorizeUrl: URL): Promise<string> {
  const page = await (await fetch(authorizeUrl)).text();
  const tenantId = /name="tenantIds" value="([^"]+)"/.exec(page)?.[1];
  if (!tenantId) throw new Error("the consent page lists no organisation");
  const form = new URLSearchParams(authorizeUrl.searchParams);
  form.set("email", `client-factory-${crypto.randomUUID()}@example.com`);
  form.set("tenantIds", tenantId);
  form.set("decision", "allow");
  const answer = await fetch(new URL("/identity/connect/authorize", authorizeUrl), {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  return answer.headers.get("location")!;
}

describe.skipIf(!sandboxUrl)("Xero client factory against the configured Xero (the test sandbox)", () => {
  it("takes every Xero URL from the environment", () => {
    const settings = xeroAppSettings();
    expect(settings.identityUrl).toBe(sandboxUrl);
    expect(settings.apiUrl).toBe(sandboxUrl);
  });

  it("connects, lists the tenant, reads its organisation through AccountingApi and refreshes", async () => {
    const { url, checks } = await buildAuthorizationUrl();
    expect(url.origin).toBe(sandboxUrl);
    const tokens = await exchangeAuthorizationCode(await consent(url), checks);
    revokeAfter.push(tokens.refreshToken!);

    const [connection] = await listTenantConnections(tokens.accessToken, { authEventId: tokens.authEventId! });
    expect(connection?.tenantType).toBe("ORGANISATION");

    const accounting = createAccountingApi(tokens.accessToken);
    expect(accounting).toBeInstanceOf(AccountingApi);
    expect(accounting.basePath).toBe(`${sandboxUrl}/api.xro/2.0`);
    const { body } = await accounting.getOrganisations(connection!.tenantId);
    expect(body.organisations?.[0]?.organisationID).toBe(connection!.tenantId);

    const renewed = await refreshTokenSet(tokens.refreshToken!);
    revokeAfter.push(renewed.refreshToken!);
    expect(renewed.refreshToken).not.toBe(tokens.refreshToken);
  });
});
