// 3. overhead: one search step (find a contact by name) called N times directly through xero-node,
// then N times as a one-step run through the engine and worker, one at a time. The difference of
// the medians is what the engine and worker add per step: queue pick-up, run and step bookkeeping
// in Postgres, the connection and token lookup, and our rate limiter's Redis round trip.
import { performance } from "node:perf_hooks";
import { QueueEvents } from "bullmq";
import { Redis } from "ioredis";
import { findContactFlow, seedFlow } from "../lib/seed.mjs";
import { round } from "./ingest.mjs";

const CONTACT = "Bayside Club";

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export async function overhead(ctx) {
  const { settings, stack, domain, sql, seeded, log } = ctx;
  const n = settings.overheadCalls;
  const connection = seeded.connections[0];

  // Directly: xero-node's AccountingApi with a token of our own, the call the step makes.
  const { AccountingApi } = await import("xero-node");
  const { access_token } = await stack.admin("/sandbox/admin/tokens", { body: { tenantIds: [connection.externalId] } });
  const accounting = new AccountingApi(`${stack.sandboxUrl}/api.xro/2.0`);
  accounting.accessToken = access_token;
  const call = () => accounting.getContacts(connection.externalId, undefined, `Name=="${CONTACT}"`, "Name ASC");
  for (let i = 0; i < 10; i++) await call();
  const direct = [];
  log(`overhead: ${n} direct calls…`);
  for (let i = 0; i < n; i++) {
    const began = performance.now();
    const answer = await call();
    direct.push(performance.now() - began);
    if (answer.body.contacts?.length !== 1) throw new Error(`the direct call did not find ${CONTACT}`);
  }

  // Through the engine and worker: a one-step run at a time, started with runFlowNow.
  const flow = await seedFlow(domain, {
    workspaceId: seeded.workspace.id,
    userId: seeded.user.id,
    name: "Bench overhead",
    definition: findContactFlow(connection.id, CONTACT),
  });
  const events = new QueueEvents("runs", {
    connection: new Redis(stack.env.REDIS_URL, { maxRetriesPerRequest: null }),
    prefix: `${stack.env.REDIS_PREFIX}:bull`,
  });
  await events.waitUntilReady();
  const waiting = new Map();
  const settle = ({ jobId }) => waiting.get(jobId)?.();
  events.on("completed", settle);
  events.on("failed", settle);
  const runOnce = async () => {
    let done;
    const finished = new Promise((resolve) => (done = resolve));
    const began = performance.now();
    const { runId } = await domain.runtime.runFlowNow({ workspaceId: seeded.workspace.id, flowId: flow.id, body: {} });
    waiting.set(runId, done);
    // A job may finish before the listener is set: fall back on the database after a moment.
    const timer = setInterval(async () => {
      const { rows } = await sql.query(`SELECT status FROM "Run" WHERE id = $1`, [runId]);
      if (["SUCCEEDED", "FAILED"].includes(rows[0]?.status)) done();
    }, 200);
    await finished;
    clearInterval(timer);
    waiting.delete(runId);
    return { runId, wallMs: performance.now() - began };
  };
  for (let i = 0; i < 10; i++) await runOnce();
  log(`overhead: ${n} one-step runs through the worker…`);
  const runIds = [];
  const wall = [];
  for (let i = 0; i < n; i++) {
    const { runId, wallMs } = await runOnce();
    runIds.push(runId);
    wall.push(wallMs);
  }
  await events.close();

  const { rows } = await sql.query(
    `SELECT r.status, extract(epoch FROM r."finishedAt" - r."createdAt") * 1000 AS run_ms, s."durationMs" AS step_ms
       FROM "Run" r JOIN "StepRun" s ON s."runId" = r.id WHERE r.id = ANY($1::text[])`,
    [runIds],
  );
  const failed = rows.filter((row) => row.status !== "SUCCEEDED").length;
  const directMedian = median(direct);
  const runMedian = median(rows.map((row) => Number(row.run_ms)));
  const stepMedian = median(rows.map((row) => Number(row.step_ms)));
  return {
    parameters: {
      calls: n,
      step: `xero.findContact by Name (GET /Contacts?where=Name=="${CONTACT}")`,
      sequential: true,
    },
    metrics: { overhead_ms_per_step: round(runMedian - directMedian, 1) },
    detail: {
      direct_median_ms: round(directMedian, 2),
      run_median_ms: round(runMedian, 1),
      run_wall_median_ms: round(median(wall), 1),
      step_duration_median_ms: round(stepMedian, 1),
      in_step_overhead_ms: round(stepMedian - directMedian, 1),
      failed,
    },
  };
}
