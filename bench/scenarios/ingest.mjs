// 1. ingest: webhooks POSTed to one flow at concurrency 64 for 20 s. The runs queue is paused
// meanwhile (the worker would otherwise compete for the same two cores); the backlog is cancelled
// and dropped afterwards so the next scenario starts from an empty queue.

import { postWebhooks } from "../lib/load.mjs";
import { treeCpuMs } from "../lib/rss.mjs";
import { seedFlow } from "../lib/seed.mjs";

export async function ingest(ctx) {
  const { settings, stack, domain, sql, seeded, log, runsQueue } = ctx;
  const flow = await seedFlow(domain, {
    workspaceId: seeded.workspace.id,
    userId: seeded.user.id,
    name: "Bench ingest",
    definition: domain.flows.orderToInvoiceFlow(seeded.connections[0].id),
  });
  const url = `${stack.webUrl}/api/hooks/${flow.webhookToken}`;
  const body = (n) => domain.flows.orderPayload(`I${n}`);

  await runsQueue.pause();
  try {
    log(`ingest: warming up for ${settings.warmupSeconds} s…`);
    await postWebhooks({ url, connections: 8, seconds: settings.warmupSeconds, body });
    log(`ingest: ${settings.ingestConnections} connections for ${settings.ingestSeconds} s…`);
    const cpuBefore = treeCpuMs(stack.children.web.pid);
    const { result, runIds, statuses } = await postWebhooks({
      url,
      connections: settings.ingestConnections,
      seconds: settings.ingestSeconds,
      body,
    });
    const accepted = runIds.length;
    const webCpuMs = treeCpuMs(stack.children.web.pid) - cpuBefore;
    const ids = runIds.filter(Boolean);
    const { rows } = await sql.query('SELECT count(*)::int AS found FROM "Run" WHERE id = ANY($1::text[])', [ids]);
    const lost = accepted - rows[0].found;
    return {
      parameters: {
        connections: settings.ingestConnections,
        seconds: settings.ingestSeconds,
        warmupSeconds: settings.warmupSeconds,
        flow: "2 steps (find-or-create contact, create invoice); runs queue paused",
        bodyBytes: JSON.stringify(body(0)).length,
      },
      metrics: {
        ingest_rps: round(accepted / result.duration, 0),
        ingest_p50_ms: round(result.latency.p50, 1),
        ingest_p99_ms: round(result.latency.p99, 1),
        ingest_lost: lost,
      },
      detail: {
        accepted,
        statuses,
        errors: result.errors,
        timeouts: result.timeouts,
        non2xx: result.non2xx,
        latency_max_ms: result.latency.max,
        // CPU the web process spent per accepted webhook: steadier than rates on a shared machine.
        web_cpu_ms_per_request: round(webCpuMs / Math.max(1, result.requests.total), 2),
        duration_s: result.duration,
      },
    };
  } finally {
    // The backlog is not part of any measurement: cancel it in Postgres (so the sweeper leaves it
    // alone) and drop its jobs.
    await sql.query(
      `UPDATE "Run" SET status = 'CANCELLED', "finishedAt" = now() WHERE "flowId" = $1 AND status = 'QUEUED'`,
      [flow.id],
    );
    await runsQueue.drain(true);
    await runsQueue.resume();
  }
}

export function round(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return null;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
