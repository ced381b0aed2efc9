import { randomUUID } from "node:crypto";
import { ingressPrisma, type PrismaClient } from "@ledgerflow/db";
import { checkStorable, formatJsonPath } from "@ledgerflow/engine";
import { xeroEnv } from "../client/xero-env";
import { verifyXeroSignature } from "./verify-xero-signature";
import { describeBodyIssue, xeroEventDedupKey, xeroWebhookBodySchema } from "./xero-webhook-body";

const PROVIDER = "xero";

export type XeroWebhookOutcome =
  /**
   * Verified, and every event is stored (`stored` of them new; the rest were redeliveries).
   * `accounts`: the tenants with new events, whose fan-out is to be scheduled.
   */
  | { outcome: "accepted"; eventCount: number; stored: number; accounts: string[] }
  /** Missing or wrong `x-xero-signature`, or no XERO_WEBHOOK_KEY: Xero's check expects a bare 401. */
  | { outcome: "bad_signature" }
  /** Signed, but not Xero's body: the message names the field. */
  | { outcome: "bad_body"; message: string };

export interface ReceiveXeroWebhookInput {
  rawBody: Buffer;
  signature: string | null;
  /** Defaults to XERO_WEBHOOK_KEY. */
  key?: string | undefined;
  db?: PrismaClient;
}

/**
 * One delivery to POST /api/xero/webhooks (docs/ARCHITECTURE.md §6): the signature is checked on
 * the raw bytes before anything is parsed, then the whole batch is stored in one statement
 * (a redelivered event is skipped by its dedup key) together with a line in the delivery log.
 * Nothing is processed here: a worker job fans the stored events out to flows. Throws only when
 * PostgreSQL fails (the route answers 503 and Xero retries).
 */
export async function receiveXeroWebhook({
  rawBody,
  signature,
  key = xeroEnv().XERO_WEBHOOK_KEY,
  db = ingressPrisma,
}: ReceiveXeroWebhookInput): Promise<XeroWebhookOutcome> {
  // An unsigned request writes nothing: anyone who can reach the URL could otherwise fill the log.
  if (!verifyXeroSignature(rawBody, signature, key)) return { outcome: "bad_signature" };
  const body = parseBody(rawBody);
  if (typeof body === "string") {
    await logRefusedDelivery(db, body);
    return { outcome: "bad_body", message: body };
  }
  const rows = body.events.map((event) => ({
    id: randomUUID(),
    dedupKey: xeroEventDedupKey(event),
    accountExternalId: event.tenantId,
    payload: event,
  }));
  const [result] = await db.$queryRaw<{ stored: number; accounts: string[] | null }[]>`
    WITH stored AS (
      INSERT INTO "ConnectorEvent" ("id", "provider", "dedupKey", "accountExternalId", "payload")
      SELECT r."id", ${PROVIDER}, r."dedupKey", r."accountExternalId", r."payload"
      FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        AS r("id" text, "dedupKey" text, "accountExternalId" text, "payload" jsonb)
      ON CONFLICT ("provider", "dedupKey") DO NOTHING
      RETURNING "accountExternalId"
    ), delivery AS (
      INSERT INTO "ConnectorDelivery" ("id", "provider", "eventCount")
      VALUES (${randomUUID()}, ${PROVIDER}, ${rows.length})
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM stored)::int AS "stored",
      (SELECT array_agg(DISTINCT "accountExternalId") FROM stored) AS "accounts",
      (SELECT count(*) FROM delivery)::int AS "logged"`;
  return {
    outcome: "accepted",
    eventCount: rows.length,
    stored: result?.stored ?? 0,
    accounts: result?.accounts ?? [],
  };
}

/** The body as Xero's shape, or a message naming the first field that is not. */
function parseBody(rawBody: Buffer) {
  let value: unknown;
  try {
    value = JSON.parse(rawBody.toString("utf8"));
  } catch (error) {
    return `body: not valid JSON (${(error as Error).message})`;
  }
  const storable = checkStorable(value, { loneSurrogates: "replace" });
  if (!storable.ok) return `${formatJsonPath("body", storable.path)} ${storable.message}`;
  const parsed = xeroWebhookBodySchema.safeParse(storable.value);
  return parsed.success ? parsed.data : describeBodyIssue(parsed.error);
}

/**
 * The delivery log keeps signed refusals too (the operator's "failures": only the key's holder can
 * send them), but a refusal is answered whether or not the log line could be written: an
 * unreachable log must not turn a 400 into a 5xx.
 */
async function logRefusedDelivery(db: PrismaClient, failure: string) {
  try {
    await db.connectorDelivery.create({ data: { provider: PROVIDER, failure: failure.slice(0, 500) } });
  } catch (error) {
    console.error(`[xero webhooks] could not log a refused delivery: ${(error as Error).message}`);
  }
}
