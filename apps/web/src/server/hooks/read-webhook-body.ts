import { WEBHOOK_MAX_BYTES } from "@ledgerflow/runtime";
import { BodyTooLargeError, readLimitedBody } from "./read-limited-body";

/** A JSON error answer of the webhook routes: `{ error }` with the status. */
export const problem = (status: number, error: string) => Response.json({ error }, { status });

/**
 * The raw body of a delivery to one of our webhook endpoints (a flow's, Xero's), or the answer to
 * give when it cannot be read: 413 over WEBHOOK_MAX_BYTES, 400 when the stream breaks off.
 */
export async function readWebhookBody(request: Request): Promise<Buffer | Response> {
  try {
    return await readLimitedBody(request, WEBHOOK_MAX_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) return problem(413, `${error.message} Send at most 1 MB.`);
    return problem(400, "The request body could not be read.");
  }
}
