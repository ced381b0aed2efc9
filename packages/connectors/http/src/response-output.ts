// What an HTTP step hands the steps after it: the status, the headers, and the body — parsed when
// the response says it is JSON, else the text.
import type { RawResponse } from "./network/send-once";

export interface HttpResponseOutput {
  status: number;
  statusText: string;
  /** Whether the status is 2xx. */
  ok: boolean;
  /** The URL that answered, after redirects. */
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON when the content type is JSON (application/json, …+json) and parses; else the text. */
  body: unknown;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function charsetOf(contentType: string): string {
  return /;\s*charset="?([\w.:-]+)"?/i.exec(contentType)?.[1] ?? "utf-8";
}

function decodeText(bytes: Buffer, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

export function responseOutput(response: RawResponse, url: URL): HttpResponseOutput {
  const contentType = response.headers["content-type"] ?? "";
  const text = decodeText(response.body, charsetOf(contentType));
  let body: unknown = text;
  if (JSON_TYPE.test(contentType.trim()) && text.trim() !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      // A service that says JSON and sends something else: the text is what it sent.
    }
  }
  return {
    status: response.status,
    statusText: response.statusText,
    ok: response.status >= 200 && response.status < 300,
    url: url.href,
    headers: response.headers,
    body,
  };
}
