import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { accountingApi, listConnections, refreshTokens, testClientSettings } from "../testing/oauth-test-client";
import { startTestSandbox } from "../testing/start-test-sandbox";

// A sandbox restarted on the same state file keeps its signing key, tokens, connections and data.

const directory = mkdtempSync(path.join(tmpdir(), "xero-sandbox-state-"));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

describe("state file", () => {
  it("restores identity and ledger after a restart", async () => {
    const stateFile = path.join(directory, "nested", "state.json");
    const first = await startTestSandbox({ stateFile });
    const tenantId = first.ledger.organisations()[0]!.tenantId;
    const minted = await first.admin<{ access_token: string; refresh_token: string }>("POST", "/sandbox/admin/tokens", {
      tenantIds: [tenantId],
    });
    const name = `Survives restart ${Date.now()}`;
    await accountingApi(minted.access_token, testClientSettings(first)).createContacts(tenantId, {
      contacts: [{ name }],
    });
    // Nothing listens there: the subscription is what is persisted, so intent to receive is skipped.
    await first.admin("PUT", "/sandbox/admin/webhooks", {
      url: "http://127.0.0.1:9/hooks",
      key: "hook-key",
      skipIntentToReceive: true,
    });
    await first.close();
    expect(existsSync(stateFile)).toBe(true);
    expect(readFileSync(stateFile, "utf8")).not.toContain(minted.refresh_token); // stored hashed

    const second = await startTestSandbox({ stateFile, port: first.config.port });
    try {
      const settings = testClientSettings(second);
      const connections = await listConnections(minted.access_token, {}, settings);
      expect(connections.map((c) => c.tenantId)).toEqual([tenantId]);
      const { body } = await accountingApi(minted.access_token, settings).getContacts(
        tenantId,
        undefined,
        `Name=="${name}"`,
      );
      expect(body.contacts?.map((contact) => contact.name)).toEqual([name]);
      const renewed = await refreshTokens(minted.refresh_token, settings);
      expect(renewed.refreshToken).toEqual(expect.any(String));
      const webhooks = await second.admin<{ url: string | null }>("GET", "/sandbox/admin/webhooks");
      expect(webhooks.url).toBe("http://127.0.0.1:9/hooks");
    } finally {
      await second.close();
    }
  });

  it("writes the signing key at first start, before any change", async () => {
    const stateFile = path.join(directory, "fresh.json");
    const sandbox = await startTestSandbox({ stateFile });
    await sandbox.close();
    const saved = JSON.parse(readFileSync(stateFile, "utf8")) as { identity: { signingKey: { kid: string } } };
    expect(saved.identity.signingKey.kid).toBe(sandbox.identity.signingKey.kid);
  });
});
