// autocannon against the webhook URL, keeping every accepted run id so the bench can check that
// each 202 has its Run row.
import autocannon from "autocannon";

/**
 * POSTs JSON bodies to `url`. `body(n)` makes the n-th body. Either `seconds` or `amount` bounds
 * the load. Returns autocannon's result plus the run ids answered with 202.
 */
export async function postWebhooks({ url, connections, seconds, amount, body }) {
  let sent = 0;
  const runIds = [];
  const statuses = {};
  const result = await autocannon({
    url,
    // autocannon refuses more connections than requests (a short --e2e-runs, say).
    connections: amount ? Math.min(connections, amount) : connections,
    ...(amount ? { amount } : { duration: seconds }),
    timeout: 30,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest(request) {
          return { ...request, body: JSON.stringify(body(sent++)) };
        },
        onResponse(status, responseBody) {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status !== 202) return;
          try {
            runIds.push(JSON.parse(responseBody).runId);
          } catch {
            runIds.push(null);
          }
        },
      },
    ],
  });
  return { result, runIds, statuses };
}
