// 2. e2e: N webhook runs of the 2-step flow (find-or-create contact, create invoice), posted as
// fast as ingress takes them while the worker executes them. Latency is trigger accepted (Run
// created) → run finished; duplicates are counted by reading the sandbox's books.
import { postWebhooks } from "../lib/load.mjs";
import { treeCpuMs } from "../lib/rss.mjs";
import { seedFlow } from "../lib/seed.mjs";
import { round } from "./ingest.mjs";

const FINAL = ["SUCCEEDED", "FAILED", "CANCELLED"];

export async function e2e(ctx) {
  const { settings, stack, domain, sql, seeded, log } = ctx;
  const connection = seeded.connections[0];
  const flow = await seedFlow(domain, {
    workspaceId: seeded.workspace.id,
    userId: seeded.user.id,
    name: "Bench e2e",
    definition: domain.flows.orderToInvoiceFlow(connection.id),
  });
  const url = `${stack.webUrl}/api/hooks/${flow.webhookToken}`;
  const tag = `E${Date.now().toString(36)}`;
  const sizeBefore = await tableBytes(sql);
  const cpu = () => ({
    web: treeCpuMs(stack.children.web.pid),
    worker: treeCpuMs(stack.children.worker.pid),
    sandbox: treeCpuMs(stack.children.sandbox.pid),
  });
  const cpuBefore = cpu();

  log(`e2e: posting ${settings.e2eRuns} webhooks over ${settings.e2eConnections} connections…`);
  const { result, runIds, statuses } = await postWebhooks({
    url,
    connections: settings.e2eConnections,
    amount: settings.e2eRuns,
    body: (n) => domain.flows.orderPayload(`${tag}-${n}`),
  });
  const accepted = runIds.filter(Boolean).length;
  log(`e2e: ${accepted} accepted in ${result.duration.toFixed(1)} s; waiting for the worker…`);
  const deadline = Date.now() + Math.max(180_000, settings.e2eRuns * 60);
  let finished = 0;
  for (;;) {
    const { rows } = await sql.query(
      `SELECT count(*) FILTER (WHERE status = ANY($2::"RunStatus"[]))::int AS finished FROM "Run" WHERE "flowId" = $1`,
      [flow.id, FINAL],
    );
    finished = rows[0].finished;
    if (finished >= accepted) break;
    if (Date.now() > deadline) {
      log(`e2e: gave up waiting with ${finished}/${accepted} runs finished`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  const { rows } = await sql.query(
    `SELECT count(*)::int AS runs,
            count(*) FILTER (WHERE status = 'SUCCEEDED')::int AS succeeded,
            count(*) FILTER (WHERE status = 'FAILED')::int AS failed,
            extract(epoch FROM max("finishedAt") - min("createdAt")) * 1000 AS span_ms,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "finishedAt" - "createdAt") * 1000) AS p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM "finishedAt" - "createdAt") * 1000) AS p99
       FROM "Run" WHERE "flowId" = $1 AND "finishedAt" IS NOT NULL`,
    [flow.id],
  );
  const stats = rows[0];
  const cpuAfter = cpu();
  const perRun = (name) => round((cpuAfter[name] - cpuBefore[name]) / Math.max(1, stats.runs), 2);
  const sizeAfter = await tableBytes(sql);
  const duplicates = await countDuplicates(ctx, connection.externalId, tag);
  const failures = await sql.query(
    `SELECT error->>'message' AS message, count(*)::int AS n FROM "Run" WHERE "flowId" = $1 AND status = 'FAILED' GROUP BY 1 ORDER BY 2 DESC LIMIT 3`,
    [flow.id],
  );
  return {
    parameters: {
      runs: settings.e2eRuns,
      connections: settings.e2eConnections,
      flow: "2 steps: find-or-create contact (GET, then PUT when new), create invoice (PUT); 1 organisation",
      workerConcurrency: Number(stack.env.WORKER_CONCURRENCY ?? 16),
    },
    metrics: {
      e2e_runs_per_s: round(stats.succeeded / (Number(stats.span_ms) / 1000), 1),
      e2e_p50_ms: round(Number(stats.p50), 0),
      e2e_p99_ms: round(Number(stats.p99), 0),
      e2e_duplicates: duplicates.duplicates,
    },
    detail: {
      accepted,
      statuses,
      succeeded: stats.succeeded,
      failed: stats.failed,
      unfinished: accepted - finished,
      failures: failures.rows,
      enqueue_s: round(result.duration, 1),
      // CPU per run of each process: steadier than rates on a shared machine.
      cpu_ms_per_run: { web: perRun("web"), worker: perRun("worker"), sandbox: perRun("sandbox") },
      span_s: round(Number(stats.span_ms) / 1000, 1),
      ...duplicates,
      db_bytes_before: sizeBefore,
      db_bytes_after: sizeAfter,
      db_bytes_per_run: round((sizeAfter - sizeBefore) / Math.max(1, stats.runs), 0),
    },
  };
}

export async function tableBytes(sql) {
  const { rows } = await sql.query(
    `SELECT pg_total_relation_size('"Run"') + pg_total_relation_size('"StepRun"') AS bytes`,
  );
  return Number(rows[0].bytes);
}

/** Objects in the sandbox beyond one invoice per run and one contact per customer. */
async function countDuplicates(ctx, tenantId, tag) {
  const { access_token } = await ctx.stack.admin("/sandbox/admin/tokens", { body: { tenantIds: [tenantId] } });
  const get = async (path) => {
    const response = await fetch(`${ctx.stack.sandboxUrl}/api.xro/2.0${path}`, {
      headers: { authorization: `Bearer ${access_token}`, "xero-tenant-id": tenantId, accept: "application/json" },
    });
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return response.json();
  };
  const excess = (values) => {
    const counts = new Map();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    let extra = 0;
    for (const n of counts.values()) extra += n - 1;
    return { distinct: counts.size, extra };
  };
  const { Invoices } = await get("/Invoices");
  const { Contacts } = await get("/Contacts");
  const invoices = excess(
    Invoices.map((invoice) => invoice.Reference).filter((ref) => ref?.startsWith(`Order ${tag}-`)),
  );
  const contacts = excess(
    Contacts.map((contact) => contact.Name).filter((name) => name?.startsWith(`Customer ${tag}-`)),
  );
  return {
    duplicates: invoices.extra + contacts.extra,
    invoices_distinct: invoices.distinct,
    duplicate_invoices: invoices.extra,
    contacts_distinct: contacts.distinct,
    duplicate_contacts: contacts.extra,
  };
}
