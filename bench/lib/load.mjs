// autocannon against a webhook URL, keeping what every accepted request carried so the bench can
// check that each acknowledgement has its row.
import autocannon from "autocannon";

/**
 * POSTs JSON bodies to `url`. `body(n)` makes the n-th body; `sign(text)`, when given, the headers
 * that sign it. Either `seconds` or `amount` bounds the load. Returns autocannon's result, the
 * statuses, the run ids our webhooks answer 202 with, and the bodies answered `accepted`.
 */
export async function postWebhooks({ url, connections, seconds, amount, body, sign, accepted = 202 }) {
  let sent = 0;
  const runIds = [];
  const acceptedBodies = [];
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
        // A connection has one request in flight at a time: its context remembers what it sent.
        setupRequest(request, context) {
          const made = body(sent++);
          const text = typeof made === "string" ? made : JSON.stringify(made);
          context.sent = text;
          return { ...request, body: text, headers: { ...request.headers, ...(sign ? sign(text) : {}) } };
        },
        onResponse(status, responseBody, context) {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status !== accepted) return;
          acceptedBodies.push(context.sent);
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
  return { result, runIds, statuses, acceptedBodies };
}
