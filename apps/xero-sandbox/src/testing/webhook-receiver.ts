import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

// A webhook receiver as an app must write one: verify `x-xero-signature` over the raw body, answer
// 200 when it matches and 401 when it does not. It records every request for assertions.

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  rawBody: string;
  signatureValid: boolean;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  close(): Promise<void>;
}

export function xeroSignatureMatches(rawBody: string, signature: string | undefined, key: string): boolean {
  const expected = createHmac("sha256", key).update(rawBody, "utf8").digest();
  const given = Buffer.from(signature ?? "", "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `answer: "verify"` is a correct receiver; `"always-200"` one that skips the signature check. */
export async function startWebhookReceiver(
  key: string,
  answer: "verify" | "always-200" = "verify",
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const header = request.headers["x-xero-signature"];
      const signatureValid = xeroSignatureMatches(rawBody, typeof header === "string" ? header : undefined, key);
      received.push({ headers: request.headers, rawBody, signatureValid });
      response.statusCode = signatureValid || answer === "always-200" ? 200 : 401;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/xero`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
