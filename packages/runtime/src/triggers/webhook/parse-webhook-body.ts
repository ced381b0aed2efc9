import { checkStorable, formatJsonPath } from "@ledgerflow/engine";
import { InvalidInputError } from "../../errors/domain-errors";

/** Webhook bodies larger than this are refused with 413 before they are read in full. */
export const WEBHOOK_MAX_BYTES = 1_048_576;

/**
 * Decodes a webhook body: JSON (any JSON value), URL-encoded form (fields become an object; a
 * repeated field becomes a list), or empty. Anything else, and anything PostgreSQL cannot store
 * (a NUL, nesting deeper than MAX_JSON_DEPTH), is refused with a message naming where it is.
 * Invalid UTF-8 bytes and unpaired surrogates (`"\ud800"`) become U+FFFD, as UTF-8 decoding does.
 */
export function parseWebhookBody(raw: Buffer, contentType: string | null): unknown {
  return storable("body", decode(raw, contentType));
}

/** `value` (a decoded body, or the query's fields) as PostgreSQL can store it; `root` names it in messages. */
export function storable(root: string, value: unknown): unknown {
  const check = checkStorable(value, { loneSurrogates: "replace" });
  if (!check.ok) throw new InvalidInputError(`${formatJsonPath(root, check.path)} ${check.message}.`, root);
  return check.value;
}

function decode(raw: Buffer, contentType: string | null): unknown {
  const type = (contentType ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  const text = raw.toString("utf8");
  if (type === "application/x-www-form-urlencoded") {
    const fields: Record<string, string | string[]> = Object.create(null);
    for (const [key, value] of new URLSearchParams(text)) {
      const existing = fields[key];
      fields[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
    }
    return { ...fields };
  }
  if (text.trim() === "") return {};
  if (type === "" || type === "application/json" || type.endsWith("+json") || type === "text/plain") {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new InvalidInputError(`The body is not valid JSON: ${(error as Error).message}`, "body");
    }
  }
  throw new InvalidInputError(
    `Unsupported Content-Type "${type}": send application/json or application/x-www-form-urlencoded`,
    "content-type",
  );
}
