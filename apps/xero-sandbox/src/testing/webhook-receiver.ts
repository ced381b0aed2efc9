import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

// A webhook receiver as an app must write one: verify `x-xero-signature` over the raw body, answer
// 200 when it matches and 401 when it does not. It records every request for assertions, and can
// be told to fail or stall the next requests, as a receiver that is down or slow would.

export interface ReceivedWebhook {
  at: number;
  headers: IncomingHttpHeaders;
  rawBody: string;
  signatureValid: boolean;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** Answer the next `count` requests with `status` (default 503) whatever their signature. */
  failNext(count: number, status?: number): void;
  /** Leave the next `count` requests unanswered, so the sender times out. */
  stallNext(count: number): void;
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
  const failures: number[] = [];
  let stalls = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const header = request.headers["x-xero-signature"];
      const signatureValid = xeroSignatureMatches(rawBody, typeof header === "string" ? header : undefined, key);
      received.push({ at: Date.now(), headers: request.headers, rawBody, signatureValid });
      if (stalls > 0) {
        stalls--;
        return;
      }
      response.statusCode = failures.shift() ?? (signatureValid || answer === "always-200" ? 200 : 401);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/xero`,
    received,
    failNext: (count, status = 503) => failures.push(...Array.from({ length: count }, () => status)),
    stallNext: (count) => {
      stalls += count;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // A stalled request would otherwise keep the server open.
        server.closeAllConnections();
      }),
  };
}
