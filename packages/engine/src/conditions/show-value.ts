// How a compared value appears in an explanation: short, as data (text quoted, numbers bare), and
// never a whole payload — the explanation is kept in run history and shown to a bookkeeper.

const MAX_SHOWN = 40;

export function showValue(value: unknown): string {
  if (value === undefined || value === null) return "no value";
  if (typeof value === "string") return quote(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `a list of ${items(value.length)}`;
  return "a record";
}

/** `"Paid"`, with quotes and line breaks escaped as JSON does, cut to a readable length. */
export function quote(text: string): string {
  const shown = JSON.stringify(text);
  return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN - 2)}…"` : shown;
}

/** "1 item", "3 items": list lengths in explanations. */
export function items(count: number): string {
  return count === 1 ? "1 item" : `${count} items`;
}
