import { receiveXeroWebhook } from "@ledgerflow/connector-xero";
import { scheduleFanOut } from "@ledgerflow/runtime";
import { problem, readWebhookBody } from "@/server/hooks/read-webhook-body";

export const dynamic = "force-dynamic";

/**
 * Xero's webhooks (docs/ARCHITECTURE.md §6): the connector checks `x-xero-signature` on the raw
 * body and stores the events before this answers; a worker job fans them out to flows. Xero's intent-to-receive check wants a bare 200
 * for a good signature and a bare 401 for a bad one; input never causes a 5xx (Xero would retry it).
 */
export async function POST(request: Request) {
  const rawBody = await readWebhookBody(request);
  if (rawBody instanceof Response) return rawBody;
  try {
    const result = await receiveXeroWebhook({ rawBody, signature: request.headers.get("x-xero-signature") });
    switch (result.outcome) {
      case "accepted":
        await scheduleFanOut("xero", result.accounts);
        return new Response(null, { status: 200 });
      case "bad_signature":
        return new Response(null, { status: 401 });
      case "bad_body":
        return problem(400, result.message);
    }
  } catch (error) {
    console.error(`[xero webhooks] could not store a delivery: ${(error as Error).message}`);
    return problem(503, "The events could not be stored right now. Retry in a few seconds.");
  }
}
