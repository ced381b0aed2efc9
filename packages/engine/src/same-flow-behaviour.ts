import type { FlowDefinition } from "./flow-definition";

/** JSON with object keys sorted: PostgreSQL's jsonb reorders keys, so text order proves nothing. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * What a run does with a definition: everything but the trigger's sample (editor-only data) and the
 * run title (the history reads it from the draft, so a new title needs no publishing).
 */
function behaviour(definition: FlowDefinition): string {
  const { sample: _sample, ...trigger } = definition.trigger;
  const { runTitle: _runTitle, ...rest } = definition;
  return canonical({ ...rest, trigger });
}

/**
 * Whether two definitions run the same way, e.g. an enabled flow's draft and its published
 * version: the editor then offers "Publish changes" only for edits that change what runs do,
 * not for a newly captured sample.
 */
export function sameFlowBehaviour(a: FlowDefinition, b: FlowDefinition): boolean {
  return behaviour(a) === behaviour(b);
}
