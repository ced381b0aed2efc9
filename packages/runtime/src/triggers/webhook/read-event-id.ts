import { type EventIdSource, formatJsonPath, MAX_EVENT_ID_LENGTH } from "@ledgerflow/engine";
import { InvalidInputError } from "../../errors/domain-errors";

/** `idempotency-key` → `Idempotency-Key`: how people write the header in messages. */
const headerLabel = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());

/**
 * The sender's id for this event, where the flow's settings say it is: a header, or a field of
 * the (decoded) body. None there → null: the delivery is a new event, as without deduplication. An
 * id too long to key on is refused (400) rather than shortened, so two ids never collide.
 */
export function readEventId(source: EventIdSource, headers: ReadonlyMap<string, string>, body: unknown): string | null {
  if (source.from === "none") return null;
  const value = source.from === "header" ? headers.get(source.header)?.trim() : bodyField(body, source.path);
  if (value === undefined || value === "") return null;
  if (value.length > MAX_EVENT_ID_LENGTH) {
    const where =
      source.from === "header"
        ? `The ${headerLabel(source.header)} header`
        : formatJsonPath("body", source.path.split("."));
    throw new InvalidInputError(
      `${where} is longer than ${MAX_EVENT_ID_LENGTH} characters: send an event id of at most ${MAX_EVENT_ID_LENGTH}.`,
      source.from === "header" ? source.header : "body",
    );
  }
  return value;
}

/** A text or number at `path` (own properties of plain data only, as templates read them). */
function bodyField(body: unknown, path: string): string | undefined {
  let value: unknown = body;
  for (const key of path.split(".")) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}
