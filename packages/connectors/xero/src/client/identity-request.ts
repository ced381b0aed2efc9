import type { XeroAppSettings } from "./xero-app-settings";
import { XeroIdentityRequestError } from "./xero-client-errors";

/** A Bearer request to Xero's identity API (/connections), bounded by the configured timeout. */
export async function identityRequest(
  settings: Pick<XeroAppSettings, "apiUrl" | "timeoutMs">,
  input: { method: "GET" | "DELETE"; path: string; accessToken: string; operation: string },
): Promise<Response> {
  const response = await fetch(`${settings.apiUrl}${input.path}`, {
    method: input.method,
    headers: { authorization: `Bearer ${input.accessToken}`, accept: "application/json" },
    signal: AbortSignal.timeout(settings.timeoutMs),
  });
  if (response.ok) return response;
  const body = await response.text();
  let detail = body.slice(0, 200);
  try {
    detail = (JSON.parse(body) as { Detail?: string }).Detail ?? detail;
  } catch {
    // plain-text answer: keep the text
  }
  throw new XeroIdentityRequestError(input.operation, response.status, detail);
}
