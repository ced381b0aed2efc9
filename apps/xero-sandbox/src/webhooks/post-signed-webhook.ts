// One POST of a signed body to a receiver, as Xero makes it: `x-xero-signature` on the exact
// bytes, and an answer expected within the timeout (Xero's is 5 seconds).

/** One try of a delivery: when, and the receiver's status, or null with why when there was none. */
export interface WebhookAttempt {
  at: string;
  status: number | null;
  error?: string;
}

export async function postSignedWebhook(
  url: string,
  body: string,
  signature: string,
  timeoutMs: number,
): Promise<WebhookAttempt> {
  const at = new Date().toISOString();
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-xero-signature": signature },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return { at, status: response.status };
  } catch (error) {
    const timedOut = error instanceof Error && error.name === "TimeoutError";
    return { at, status: null, error: timedOut ? `no answer within ${timeoutMs} ms` : "could not connect" };
  }
}

export function isDelivered(attempt: WebhookAttempt): boolean {
  return attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
}
