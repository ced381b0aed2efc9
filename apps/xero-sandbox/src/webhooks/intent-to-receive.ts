import { postSignedWebhook } from "./post-signed-webhook";
import { signWebhookBody, webhookPayload } from "./webhook-payload";

// Xero's check before it turns a webhook on (or changes its URL): an empty batch correctly signed
// must get 200, the same batch wrongly signed must get 401. Both must hold for the receiver to pass.

export interface IntentToReceiveResult {
  ok: boolean;
  correctSignatureStatus: number | null;
  wrongSignatureStatus: number | null;
}

export async function checkIntentToReceive(
  url: string,
  key: string,
  timeoutMs: number,
): Promise<IntentToReceiveResult> {
  const payload = JSON.stringify(webhookPayload([], 0));
  const correct = await postSignedWebhook(url, payload, signWebhookBody(payload, key), timeoutMs);
  const wrong = await postSignedWebhook(url, payload, signWebhookBody(payload, `${key}-wrong`), timeoutMs);
  return {
    ok: correct.status === 200 && wrong.status === 401,
    correctSignatureStatus: correct.status,
    wrongSignatureStatus: wrong.status,
  };
}
