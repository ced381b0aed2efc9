import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { DEFAULT_WEBHOOK_SETTINGS, MAX_JSON_DEPTH, type WebhookSettings } from "@ledgerflow/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishedRun } from "./testing/finished-run";
import { batchContactFlow, readOnlyWebhookFlow } from "./testing/flows";
import { seedConnection, seedEnabledFlow, seedWorkspace } from "./testing/seed";
import { type System, startSystem } from "./testing/system";
import { contactNamesOfBatch } from "./testing/xero-reads";

// Webhook ingress as an attacker and a careless sender see it, through the built web app: input
// PostgreSQL cannot store is answered 4xx naming where it is (a 5xx would be retried forever), a
// repeated event id runs once, and each sender's own signature format is checked.
let system: System;
let seed: Awaited<ReturnType<typeof seedWorkspace>>;
let connection: Awaited<ReturnType<typeof seedConnection>>;

beforeAll(async () => {
  system = await startSystem({ web: true, workers: 1 });
  seed = await seedWorkspace();
  connection = await seedConnection(system, { workspaceId: seed.workspace.id, userId: seed.user.id });
}, 120_000);
afterAll(() => system?.stop());

const post = (token: string, body: string | Buffer, headers: Record<string, string> = {}, query = "") =>
  fetch(`${system.webUrl}/api/hooks/${token}${query}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });

type Answer = { http: number; runId: string; status?: string; duplicateOf?: string; error?: string };
/** The HTTP status as `http`; `status` is the run's, from the 202's body. */
const answer = async (response: Response): Promise<Answer> => ({
  ...((await response.json()) as Omit<Answer, "http">),
  http: response.status,
});

const flowWith = (definition: "read" | string, webhookSettings?: WebhookSettings, signingSecret?: string) =>
  seedEnabledFlow({
    workspaceId: seed.workspace.id,
    userId: seed.user.id,
    definition:
      definition === "read" ? readOnlyWebhookFlow(connection.id) : batchContactFlow(connection.id, definition),
    webhookSettings,
    signingSecret,
  });

const runsOf = (flowId: string) =>
  prisma.run.findMany({
    where: { flowId, workspaceId: seed.workspace.id },
    orderBy: { createdAt: "asc" },
    include: { steps: true },
  });

const finished = (runId: string) => finishedRun(runId, seed.workspace.id);

/** `levels` JSON objects nested in one another, as text. */
const nestedJson = (levels: number) => `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;

describe("bodies PostgreSQL cannot store", () => {
  it("answer 400 naming where the problem is — never 5xx — and store nothing", async () => {
    const flow = await flowWith("read");
    const form = { "content-type": "application/x-www-form-urlencoded" };
    const cases: [string, Promise<Response>, RegExp][] = [
      [
        "NUL in a value",
        post(flow.webhookToken, '{"customer":{"name":"Ada\\u0000"}}'),
        /^body\.customer\.name contains a NUL/,
      ],
      [
        "NUL in a key",
        post(flow.webhookToken, '{"lines":[{"na\\u0000me":1}]}'),
        /^body\.lines\[0\] has a key with a NUL/,
      ],
      ["NUL in a form field", post(flow.webhookToken, "name=Ada%00&note=hi", form), /^body\.name contains a NUL/],
      ["NUL in a query parameter", post(flow.webhookToken, "{}", {}, "?ref=%00"), /^query\.ref contains a NUL/],
      ["nesting past the stack", post(flow.webhookToken, nestedJson(5_000)), /nested more than 100 levels deep/],
      ["nesting one past the limit", post(flow.webhookToken, nestedJson(MAX_JSON_DEPTH + 1)), /nested more than 100/],
    ];
    for (const [what, response, message] of cases) {
      const got = await answer(await response);
      expect({ what, http: got.http }).toEqual({ what, http: 400 });
      expect(got.error, what).toMatch(message);
    }
    expect(await runsOf(flow.id)).toHaveLength(0);
    // A token no flow can have (a NUL in the URL) is an unknown URL, not a database error.
    expect((await post(`${flow.webhookToken}%00`, "{}")).status).toBe(404);
    expect(system.web?.output()).not.toContain("[hooks] could not store a webhook");

    // The documented limit itself is accepted and stored as sent.
    const deepest = await answer(await post(flow.webhookToken, nestedJson(MAX_JSON_DEPTH)));
    expect(deepest.http).toBe(202);
    const run = await prisma.run.findFirstOrThrow({ where: { id: deepest.runId, workspaceId: seed.workspace.id } });
    expect(JSON.stringify((run.trigger as { body: unknown }).body)).toBe(nestedJson(MAX_JSON_DEPTH));
  });

  it("store an unpaired surrogate as U+FFFD, in values and keys, as UTF-8 decoding does", async () => {
    const flow = await flowWith("read");
    const sent = await answer(await post(flow.webhookToken, '{"note":"a\\ud800b","k\\udc00":["\\ud83d\\ude00"]}'));
    expect(sent.http).toBe(202);
    const run = await prisma.run.findFirstOrThrow({ where: { id: sent.runId, workspaceId: seed.workspace.id } });
    expect((run.trigger as { body: unknown }).body).toEqual({ note: "a\uFFFDb", "k\uFFFD": ["\ud83d\ude00"] });
  });
});

describe("event ids", () => {
  it("a repeated Idempotency-Key is a DUPLICATE of the first run and writes nothing to Xero", async () => {
    const batch = `DUP-${randomUUID().slice(0, 6)}`;
    const flow = await flowWith(batch);
    const body = JSON.stringify({ name: `${batch} order` });
    const first = await answer(await post(flow.webhookToken, body, { "idempotency-key": "order-1" }));
    const retry = await answer(await post(flow.webhookToken, body, { "Idempotency-Key": "order-1" }));
    const other = await answer(
      await post(flow.webhookToken, JSON.stringify({ name: `${batch} other` }), { "idempotency-key": "order-2" }),
    );
    expect(first).toMatchObject({ http: 202, status: "QUEUED", runId: expect.any(String) });
    expect(first.duplicateOf).toBeUndefined();
    expect(retry).toMatchObject({ http: 202, status: "DUPLICATE", duplicateOf: first.runId });
    expect(other).toMatchObject({ http: 202, status: "QUEUED" });
    expect(retry.runId).not.toBe(first.runId);

    expect((await finished(first.runId)).status).toBe("SUCCEEDED");
    expect((await finished(other.runId)).status).toBe("SUCCEEDED");
    const duplicate = await prisma.run.findFirstOrThrow({
      where: { id: retry.runId, workspaceId: seed.workspace.id },
      include: { steps: true },
    });
    // Recorded with its payload (nothing accepted is lost), finished, linked, and never run.
    expect(duplicate).toMatchObject({ status: "DUPLICATE", duplicateOfId: first.runId, eventId: "order-1" });
    expect(duplicate.finishedAt).not.toBeNull();
    expect(duplicate.steps).toEqual([]);
    expect((duplicate.trigger as { body: unknown }).body).toEqual({ name: `${batch} order` });
    expect(await contactNamesOfBatch(system, connection.externalId, batch)).toEqual([
      `${batch} order`,
      `${batch} other`,
    ]);
  });

  it("racing deliveries of one event make one run; the others are duplicates of it", async () => {
    const batch = `RACE-${randomUUID().slice(0, 6)}`;
    const flow = await flowWith(batch);
    const body = JSON.stringify({ name: `${batch} order` });
    const answers = await Promise.all(
      Array.from({ length: 8 }, async () => answer(await post(flow.webhookToken, body, { "idempotency-key": batch }))),
    );
    expect(answers.map((got) => got.http)).toEqual(Array(8).fill(202));
    const firsts = answers.filter((got) => got.duplicateOf === undefined);
    expect(firsts).toHaveLength(1);
    const firstId = firsts[0]?.runId;
    expect(answers.filter((got) => got.duplicateOf === firstId)).toHaveLength(7);

    await finished(firstId ?? "");
    const runs = await runsOf(flow.id);
    expect(runs.filter((run) => run.status === "DUPLICATE").map((run) => run.duplicateOfId)).toEqual(
      Array(7).fill(firstId),
    );
    expect(runs.filter((run) => run.status !== "DUPLICATE").map((run) => [run.id, run.status])).toEqual([
      [firstId, "SUCCEEDED"],
    ]);
    expect(await contactNamesOfBatch(system, connection.externalId, batch)).toEqual([`${batch} order`]);
  });

  it("reads the event id where the flow says (Stripe's body id, a header); 'none' turns deduplication off", async () => {
    const stripe = await flowWith("read", { ...DEFAULT_WEBHOOK_SETTINGS, eventId: { from: "body", path: "id" } });
    const event = JSON.stringify({ id: "evt_1", type: "invoice.paid" });
    const [a, b] = [
      await answer(await post(stripe.webhookToken, event)),
      await answer(await post(stripe.webhookToken, event)),
    ];
    expect(b.duplicateOf).toBe(a.runId);
    // Not the default header, on this flow.
    const keyed = await answer(await post(stripe.webhookToken, '{"id":"evt_2"}', { "idempotency-key": "evt_1" }));
    expect(keyed.duplicateOf).toBeUndefined();

    const github = await flowWith("read", {
      ...DEFAULT_WEBHOOK_SETTINGS,
      eventId: { from: "header", header: "x-github-delivery" },
    });
    const delivery = { "x-github-delivery": randomUUID() };
    const g1 = await answer(await post(github.webhookToken, "{}", delivery));
    expect((await answer(await post(github.webhookToken, "{}", delivery))).duplicateOf).toBe(g1.runId);

    const none = await flowWith("read", { ...DEFAULT_WEBHOOK_SETTINGS, eventId: { from: "none" } });
    const key = { "idempotency-key": "same" };
    const n1 = await answer(await post(none.webhookToken, "{}", key));
    const n2 = await answer(await post(none.webhookToken, "{}", key));
    expect([n1.duplicateOf, n2.duplicateOf, n1.runId === n2.runId]).toEqual([undefined, undefined, false]);

    const long = await answer(await post(github.webhookToken, "{}", { "x-github-delivery": "x".repeat(256) }));
    expect(long).toMatchObject({ http: 400, error: expect.stringMatching(/^The X-Github-Delivery header is longer/) });
  });

  it("an event id past its window is a new event; the switched-off flow's SKIPPED run claims it too", async () => {
    const flow = await flowWith("read", { ...DEFAULT_WEBHOOK_SETTINGS, dedupWindowDays: 3 });
    const key = { "idempotency-key": "old-event" };
    const first = await answer(await post(flow.webhookToken, "{}", key));
    const claim = await prisma.webhookEvent.findUniqueOrThrow({
      where: { flowId_eventId: { flowId: flow.id, eventId: "old-event" } },
    });
    expect(claim.runId).toBe(first.runId);
    expect(claim.expiresAt.getTime() - claim.receivedAt.getTime()).toBe(3 * 86_400_000);

    // Four days later (the window moved instead of the clock).
    await prisma.webhookEvent.update({
      where: { flowId_eventId: { flowId: flow.id, eventId: "old-event" } },
      data: { expiresAt: new Date(Date.now() - 1_000) },
    });
    const later = await answer(await post(flow.webhookToken, "{}", key));
    expect(later.duplicateOf).toBeUndefined();
    const retaken = await prisma.webhookEvent.findUniqueOrThrow({
      where: { flowId_eventId: { flowId: flow.id, eventId: "old-event" } },
    });
    expect(retaken.runId).toBe(later.runId);
    expect((await answer(await post(flow.webhookToken, "{}", key))).duplicateOf).toBe(later.runId);

    await prisma.flow.update({ where: { id: flow.id }, data: { enabled: false } });
    const off = await answer(await post(flow.webhookToken, "{}", { "idempotency-key": "while-off" }));
    const offAgain = await answer(await post(flow.webhookToken, "{}", { "idempotency-key": "while-off" }));
    expect(off).toMatchObject({ http: 202, status: "SKIPPED" });
    expect(off.duplicateOf).toBeUndefined();
    expect(offAgain).toMatchObject({ http: 202, status: "DUPLICATE", duplicateOf: off.runId });
  });
});

describe("signatures", () => {
  const secret = `whsec_${randomBytes(12).toString("hex")}`;
  const body = JSON.stringify({ id: "evt_sig", amount: 42 });
  const hmac = (algorithm: string, data: string) => createHmac(algorithm, secret).update(data);
  const signed = (scheme: WebhookSettings["signature"]) =>
    flowWith("read", { ...DEFAULT_WEBHOOK_SETTINGS, signature: scheme }, secret);

  it("checks each sender's format, names the header expected, and never stores the signature", async () => {
    const cases: [WebhookSettings["signature"], string, string, string][] = [
      [{ scheme: "shopify" }, "x-shopify-hmac-sha256", hmac("sha256", body).digest("base64"), "X-Shopify-Hmac-Sha256"],
      [
        { scheme: "github" },
        "x-hub-signature-256",
        `sha256=${hmac("sha256", body).digest("hex")}`,
        "X-Hub-Signature-256",
      ],
      [
        { scheme: "generic", header: "x-acme-signature", algorithm: "sha512", encoding: "base64", prefix: "v1=" },
        "x-acme-signature",
        `v1=${hmac("sha512", body).digest("base64")}`,
        "x-acme-signature",
      ],
    ];
    for (const [scheme, header, signature, expectedName] of cases) {
      const flow = await signed(scheme);
      const unsigned = await answer(await post(flow.webhookToken, body));
      expect(unsigned).toMatchObject({
        http: 401,
        error: `The ${expectedName} header is missing or does not match the body.`,
      });
      const forged = await answer(await post(flow.webhookToken, body.replace("42", "43"), { [header]: signature }));
      expect(forged.http).toBe(401);
      const accepted = await answer(await post(flow.webhookToken, body, { [header]: signature }));
      expect({ scheme: scheme.scheme, http: accepted.http }).toEqual({ scheme: scheme.scheme, http: 202 });
      const run = await prisma.run.findFirstOrThrow({ where: { id: accepted.runId, workspaceId: seed.workspace.id } });
      expect(Object.keys((run.trigger as { headers: object }).headers)).not.toContain(header);
    }
  });

  it("Stripe-style timestamps: a fresh signature is accepted, a captured one replayed 6 minutes later is not", async () => {
    const stripe = await signed({ scheme: "stripe" });
    const now = Math.floor(Date.now() / 1000);
    const stripeHeader = (t: number) => `t=${t},v1=${hmac("sha256", `${t}.${body}`).digest("hex")}`;
    expect((await answer(await post(stripe.webhookToken, body, { "stripe-signature": stripeHeader(now) }))).http).toBe(
      202,
    );
    const replayed = await answer(
      await post(stripe.webhookToken, body, { "stripe-signature": stripeHeader(now - 360) }),
    );
    expect(replayed).toMatchObject({
      http: 401,
      error: expect.stringMatching(/^The Stripe-Signature timestamp is more than 5 minutes/),
    });

    // Our own header takes the same timestamped form, and still the plain sha256= form.
    const ours = await signed({ scheme: "ledgerflow" });
    const plain = `sha256=${hmac("sha256", body).digest("hex")}`;
    expect(
      (await answer(await post(ours.webhookToken, body, { "x-ledgerflow-signature": stripeHeader(now) }))).http,
    ).toBe(202);
    expect((await answer(await post(ours.webhookToken, body, { "x-ledgerflow-signature": plain }))).http).toBe(202);
    const old = await answer(
      await post(ours.webhookToken, body, { "x-ledgerflow-signature": stripeHeader(now - 360) }),
    );
    expect(old).toMatchObject({ http: 401, error: expect.stringContaining("X-Ledgerflow-Signature timestamp") });
    const runs = await runsOf(ours.id);
    expect(runs.flatMap((run) => Object.keys((run.trigger as { headers: object }).headers))).not.toContain(
      "x-ledgerflow-signature",
    );
  });
});
