import { describe, expect, it } from "vitest";
import { expectValidWebhookPayload, webhookPayloadProblems } from "./webhook-spec";

const tenantId = "aef86862-2015-4b6b-88bc-d89032cecc50";
const resourceId = "55d84274-a3da-4829-a7c0-0cab601b95cc";
const event = (category: string, extra: Record<string, unknown> = {}) => ({
  resourceUrl: `https://api.xero.com/api.xro/2.0/Things/${resourceId}`,
  resourceId,
  tenantId,
  tenantType: "ORGANISATION",
  eventCategory: category,
  eventType: "CREATE",
  eventDateUtc: "2025-12-02T00:44:09.923",
  ...extra,
});
const batch = (events: unknown[]) => ({
  events,
  firstEventSequence: 76,
  lastEventSequence: 75 + events.length,
  entropy: "FXNGWLCCGVANWHKILRUB",
});
const creditNote = event("CREDITNOTE", { data: { Type: "ACCPAYCREDIT", Status: "DRAFT" } });

describe("webhookPayloadProblems", () => {
  it("accepts the spec's own credit-note example and a mixed batch", () => {
    expect(webhookPayloadProblems(batch([creditNote]))).toEqual([]);
    expect(() => expectValidWebhookPayload(batch([event("CONTACT"), event("INVOICE"), creditNote]))).not.toThrow();
  });

  it("accepts Xero's intent-to-receive probe, and no other empty batch", () => {
    const probe = { events: [], firstEventSequence: 0, lastEventSequence: 0, entropy: "S0m3r4Nd0mt3xt" };
    expect(webhookPayloadProblems(probe)).toEqual([]);
    expect(webhookPayloadProblems({ ...probe, firstEventSequence: 1 })).toHaveLength(1);
  });

  it("refuses a credit-note event without its data, or with a Status the spec does not list", () => {
    expect(webhookPayloadProblems(batch([event("CREDITNOTE")])).join("\n")).toMatch(/events\/0.*data/);
    const badStatus = event("CREDITNOTE", { data: { Type: "ACCRECCREDIT", Status: "OPEN" } });
    expect(webhookPayloadProblems(batch([event("CONTACT"), badStatus])).join("\n")).toMatch(/events\/1\/data\/Status/);
  });

  it("refuses unknown fields, categories, ids and sequences, naming where", () => {
    expect(webhookPayloadProblems(batch([event("INVOICE", { data: { Type: "ACCREC" } })]))).toEqual([
      "events/0: must NOT have additional properties 'data'",
    ]);
    expect(webhookPayloadProblems({ ...batch([event("CONTACT")]), retry: 1 })).toEqual([
      "(body): must NOT have additional properties 'retry'",
    ]);
    expect(webhookPayloadProblems(batch([event("PAYMENT")])).join("\n")).toMatch(/events\/0\/eventCategory/);
    expect(webhookPayloadProblems(batch([event("CONTACT", { tenantId: "nope" })])).join("\n")).toMatch(
      /events\/0\/tenantId/,
    );
    expect(webhookPayloadProblems({ ...batch([event("CONTACT")]), firstEventSequence: 0 })).not.toEqual([]);
  });
});
