// 6. xero-events: Xero's webhook endpoint and the fan-out behind it (issue #14).
// - ingest: signed one-event batches POSTed at concurrency 64 (signature check on the raw body,
//   then the durable store) for an organisation nobody connected, with the fan-out queue paused, so
//   what is measured is the endpoint alone;
// - fan-out latency: one contact event at a time for a connected organisation with a "New contact"
//   flow switched on: from the endpoint's 200 to the run's row (record loaded from the sandbox).
import { createHmac, randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { postWebhooks } from "../lib/load.mjs";
import { treeCpuMs } from "../lib/rss.mjs";
import { seedFlow } from "../lib/seed.mjs";
import { round } from "./ingest.mjs";

const FANOUT_SAMPLES = 40;

const sign = (body, key) => createHmac("sha256", key).update(body, "utf8").digest("base64");
const xeroEvent = (tenantId, category, resourceId, eventType = "CREATE") => ({
  resourceUrl: `https://api.xero.com/api.xro/2.0/${category === "CONTACT" ? "Contacts" : "Invoices"}/${resourceId}`,
  resourceId,
  eventDateUtc: new Date().toISOString().replace("Z", ""),
  eventType,
  eventCategory: category,
  tenantId,
  tenantType: "ORGANISATION",
});
const batch = (events) =>
  JSON.stringify({ events, firstEventSequence: 1, lastEventSequence: events.length, entropy: randomUUID() });

export async function xeroEvents(ctx) {
  const { settings, stack, domain, sql, seeded, log } = ctx;
  const key = stack.env.XERO_WEBHOOK_KEY;
  const url = `${stack.webUrl}/api/xero/webhooks`;
  const fanOutQueue = new Queue("connector-events", {
    connection: new Redis(stack.env.REDIS_URL, { maxRetriesPerRequest: null }),
    prefix: `${stack.env.REDIS_PREFIX}:bull`,
  });

  // Ingest: an organisation no connection has, so its events are stored and fan out to nobody.
  const strangerTenant = randomUUID();
  await fanOutQueue.pause();
  let ingest;
  try {
    log(`xero-events: ${settings.ingestConnections} connections for ${settings.ingestSeconds} s…`);
    const cpuBefore = treeCpuMs(stack.children.web.pid);
    const { result, statuses, acceptedBodies } = await postWebhooks({
      url,
      connections: settings.ingestConnections,
      seconds: settings.ingestSeconds,
      body: () => batch([xeroEvent(strangerTenant, "INVOICE", randomUUID())]),
      sign: (body) => ({ "x-xero-signature": sign(body, key) }),
      accepted: 200,
    });
    const webCpuMs = treeCpuMs(stack.children.web.pid) - cpuBefore;
    // Every event answered 200 must be stored (an event still in flight at the end may be too).
    const ackedIds = acceptedBodies.map((text) => JSON.parse(text).events[0].resourceId);
    const { rows } = await sql.query(
      `SELECT count(*)::int AS stored FROM "ConnectorEvent"
       WHERE "accountExternalId" = $1 AND payload->>'resourceId' = ANY($2::text[])`,
      [strangerTenant, ackedIds],
    );
    ingest = { result, statuses, webCpuMs, acked: ackedIds.length, stored: rows[0].stored };
  } finally {
    await sql.query(`UPDATE "ConnectorEvent" SET "fannedOutAt" = now() WHERE "accountExternalId" = $1`, [
      strangerTenant,
    ]);
    await fanOutQueue.drain(true);
    await fanOutQueue.resume();
  }

  // Fan-out latency: real contacts of a connected organisation, one event at a time.
  const connection = seeded.connections[0];
  const flow = await seedFlow(domain, {
    workspaceId: seeded.workspace.id,
    userId: seeded.user.id,
    name: "Bench new contact",
    definition: {
      schemaVersion: 1,
      trigger: { type: "event", config: { event: "xero.contact.created", connectionId: connection.id, input: {} } },
      steps: [
        {
          key: "find",
          action: "xero.findContact",
          connectionId: connection.id,
          input: { matchBy: "Name", Name: "{{trigger.record.Name}}", ifNotFound: "continue" },
        },
      ],
    },
  });
  const contacts = await stack.xero(connection.externalId, "PUT", "/Contacts", {
    Contacts: Array.from({ length: FANOUT_SAMPLES }, (_, i) => ({
      Name: `Bench fan-out ${randomUUID().slice(0, 8)} ${i}`,
    })),
  });
  log(`xero-events: fan-out latency over ${FANOUT_SAMPLES} events…`);
  const latencies = [];
  for (const contact of contacts.Contacts) {
    const body = batch([xeroEvent(connection.externalId, "CONTACT", contact.ContactID)]);
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-xero-signature": sign(body, key) },
      body,
    });
    if (response.status !== 200) throw new Error(`The Xero webhook endpoint answered ${response.status}`);
    const answeredAt = performance.now();
    for (;;) {
      const { rows } = await sql.query(
        `SELECT 1 FROM "Run" WHERE "flowId" = $1 AND "workspaceId" = $2 AND trigger->'event'->>'resourceId' = $3`,
        [flow.id, seeded.workspace.id, contact.ContactID],
      );
      if (rows.length > 0) break;
      if (performance.now() - answeredAt > 30_000) throw new Error("A fanned-out run did not appear within 30 s");
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    latencies.push(performance.now() - answeredAt);
  }
  await domain.runtime.disableFlow({ workspaceId: seeded.workspace.id, flowId: flow.id });
  await fanOutQueue.close();
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];

  return {
    parameters: {
      connections: settings.ingestConnections,
      seconds: settings.ingestSeconds,
      eventsPerDelivery: 1,
      fanOutSamples: FANOUT_SAMPLES,
      fanOutFlow: "New contact → find contact (record loaded from the sandbox)",
    },
    metrics: {
      xero_events_per_s: round(ingest.acked / ingest.result.duration, 0),
      xero_events_p99_ms: round(ingest.result.latency.p99, 1),
      xero_events_lost: ingest.acked - ingest.stored,
      fanout_p50_ms: round(at(0.5), 1),
      fanout_p99_ms: round(at(0.99), 1),
    },
    detail: {
      statuses: ingest.statuses,
      stored: ingest.stored,
      errors: ingest.result.errors,
      web_cpu_ms_per_delivery: round(ingest.webCpuMs / Math.max(1, ingest.result.requests.total), 2),
      fanout_max_ms: round(latencies.at(-1), 1),
    },
  };
}
