import { receiveXeroWebhook } from "@ledgerflow/connector-xero";
import { WEBHOOK_MAX_BYTES } from "@ledgerflow/runtime";
import { BodyTooLargeError, readLimitedBody } from "@/server/hooks/read-limited-body";

export const dynamic = "force-dynamic";

const problem = (status: number, error: string) => Response.json({ error }, { status });

/**
 * Xero's webhooks (docs/ARCHITECTURE.md §6): the connector checks `x-xero-signature` on the raw
 * body and stores the events before this answers. Xero's intent-to-receive check wants a bare 200
 * for a good signature and a bare 401 for a bad one; input never causes a 5xx (Xero would retry it).
 */
export async function POST(request: Request) {
  let rawBody: Buffer;
  try {
    rawBody = await readLimitedBody(request, WEBHOOK_MAX_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return problem(413, `${error.message} Send at most 1 MB.`);
    return problem(400, "The request body could not be read.");
  }
  try {
    const result = await receiveXeroWebhook({ rawBody, signature: request.headers.get("x-xero-signature") });
    switch (result.outcome) {
      case "accepted":
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
