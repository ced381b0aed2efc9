import { acceptWebhook } from "@ledgerflow/runtime";
import { problem, readWebhookBody } from "@/server/hooks/read-webhook-body";

export const dynamic = "force-dynamic";

/**
 * Webhook trigger ingress (docs/ARCHITECTURE.md §6). Authenticated by the secret token in the URL (and an optional
 * HMAC signature), not by a session, so it does not go through withWorkspace. 202 means the run is
 * stored in Postgres (a repeated event id: stored as a duplicate that runs nothing); anything else
 * means nothing was stored and the sender should retry (5xx) or fix the request (4xx). Input never
 * causes a 5xx: a sender that retries on 5xx would retry it forever.
 */
export async function POST(request: Request, context: { params: Promise<{ token: string }> }) {
  const { token } = await context.params;
  const rawBody = await readWebhookBody(request);
  if (rawBody instanceof Response) return rawBody;
  try {
    const url = new URL(request.url);
    const result = await acceptWebhook({
      token,
      rawBody,
      contentType: request.headers.get("content-type"),
      headers: request.headers.entries(),
      query: url.searchParams.entries(),
    });
    switch (result.outcome) {
      case "accepted":
        return Response.json(
          {
            runId: result.runId,
            status: result.status,
            ...(result.duplicateOfId ? { duplicateOf: result.duplicateOfId } : {}),
          },
          { status: 202 },
        );
      case "unknown_token":
        return problem(404, "No flow has this webhook URL. Copy the URL again from the flow's trigger.");
      case "bad_signature":
        return problem(401, result.message);
      case "bad_body":
        return problem(400, result.message);
    }
  } catch (error) {
    // Postgres unreachable or past the ingress deadlines (WEBHOOK_DB_TIMEOUT_MS), or any failure
    // before the run row is committed: nothing was stored, as far as we know (docs/ARCHITECTURE.md §6).
    console.error(`[hooks] could not store a webhook: ${(error as Error).message}`);
    return problem(503, "The event could not be stored right now. Retry in a few seconds.");
  }
}
