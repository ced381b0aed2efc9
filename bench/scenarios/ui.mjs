// 5. ui: the run history page (/runs) of a signed-in user whose workspace holds N runs, inserted
// with one generate_series statement (not through the API). The session comes from next-auth's
// credentials sign-in, as a browser gets it. TTFB = until the response headers; load = until the
// last byte of the (streamed) HTML.
import { performance } from "node:perf_hooks";
import { BENCH_PASSWORD, seedFlow } from "../lib/seed.mjs";
import { round } from "./ingest.mjs";
import { median } from "./overhead.mjs";

export async function ui(ctx) {
  const { settings, stack, domain, sql, seeded, log } = ctx;
  const flow = await seedFlow(domain, {
    workspaceId: seeded.workspace.id,
    userId: seeded.user.id,
    name: "Bench history",
    definition: domain.flows.orderToInvoiceFlow(seeded.connections[0].id),
  });
  const { publishedVersionId } = await domain.prisma.flow.findUniqueOrThrow({ where: { id: flow.id } });
  log(`ui: inserting ${settings.uiRuns} runs…`);
  const began = performance.now();
  await sql.query(
    `INSERT INTO "Run" (id, "workspaceId", "flowId", "flowVersionId", status, source, trigger, attempts,
                        "createdAt", "startedAt", "finishedAt", "durationMs")
     SELECT 'bench' || lpad(g::text, 20, '0'), $1, $2, $3,
            (CASE WHEN g % 50 = 0 THEN 'FAILED' ELSE 'SUCCEEDED' END)::"RunStatus",
            'WEBHOOK'::"RunSource",
            jsonb_build_object('type', 'webhook', 'receivedAt', now() - g * interval '25 seconds',
              'body', jsonb_build_object('orderId', 'H' || g, 'customer', jsonb_build_object('name', 'Customer H' || g))),
            1,
            now() - g * interval '25 seconds', now() - g * interval '25 seconds',
            now() - g * interval '25 seconds' + interval '180 milliseconds', 180
       FROM generate_series(1, $4::int) AS g`,
    [seeded.workspace.id, flow.id, publishedVersionId, settings.uiRuns],
  );
  await sql.query('ANALYZE "Run"');
  const insertSeconds = (performance.now() - began) / 1000;

  const cookie = await signIn(stack.webUrl, seeded.user.email);
  const load = async (path = "/runs") => {
    const start = performance.now();
    const response = await fetch(`${stack.webUrl}${path}`, { headers: { cookie }, redirect: "manual" });
    const ttfb = performance.now() - start;
    const html = await response.text();
    if (response.status !== 200) throw new Error(`/runs answered ${response.status}`);
    if (!html.includes("Customer H") && !html.includes("Bench history")) throw new Error("/runs did not list the runs");
    return { ttfb, load: performance.now() - start, bytes: html.length };
  };
  for (let i = 0; i < 3; i++) await load();
  const samples = [];
  for (let i = 0; i < settings.uiRequests; i++) samples.push(await load());
  // "Find runs" (#16) by a title only one run has: every run of the workspace is read.
  const finds = [];
  for (let i = 0; i < settings.uiRequests; i++) finds.push(await load("/runs?q=Customer+H99999"));
  return {
    parameters: {
      runs: settings.uiRuns,
      requests: settings.uiRequests,
      warmups: 3,
      page: "/runs (first page, no filters)",
    },
    metrics: { history_ttfb_ms: round(median(samples.map((s) => s.ttfb)), 0) },
    detail: {
      history_load_ms: round(median(samples.map((s) => s.load)), 0),
      history_ttfb_max_ms: round(Math.max(...samples.map((s) => s.ttfb)), 0),
      history_find_ttfb_ms: round(median(finds.map((s) => s.ttfb)), 0),
      html_bytes: samples[0]?.bytes,
      insert_s: round(insertSeconds, 1),
    },
  };
}

/** next-auth's credentials sign-in: CSRF token, then the callback; returns the Cookie header. */
export async function signIn(webUrl, email) {
  const jar = new Map();
  const keep = (response) => {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const cookieHeader = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${webUrl}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = await csrf.json();
  const answer = await fetch(`${webUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader() },
    body: new URLSearchParams({
      csrfToken,
      email,
      password: BENCH_PASSWORD,
      callbackUrl: `${webUrl}/runs`,
      json: "true",
    }),
  });
  keep(answer);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
    throw new Error(`signing in did not set a session cookie (HTTP ${answer.status})`);
  }
  return cookieHeader();
}
