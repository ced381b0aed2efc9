// Why a draft cannot be saved, in a bookkeeper's words: the step by its action's title and key, the
// field by its label ("“Create invoice” (create_invoice), Line items: …"), never a schema path
// such as `draft.steps.1.input.LineItems.$each`. Only drafts that are not drafts at all get here:
// anything merely unfinished saves (flow-definition.ts) and is asked for at Test and switch-on.
import type { Catalog } from "./catalog";
import { readOwn } from "./plain-data";

export interface DraftIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** Most issues named in one message; the rest are counted. */
const MAX_NAMED = 3;

export function describeDraftIssues(issues: readonly DraftIssue[], draft: unknown, catalog: Catalog): string {
  const named = [...new Set(issues.map((issue) => `${placeOf(issue.path, draft, catalog)}: ${issue.message}`))];
  const more = named.length - MAX_NAMED;
  return named.slice(0, MAX_NAMED).join("; ") + (more > 0 ? ` (and ${more} more)` : "");
}

/** Where an issue is, in words: "Trigger", "Time zone", or the step and its field. */
function placeOf(path: readonly PropertyKey[], draft: unknown, catalog: Catalog): string {
  const segments = path.map(String);
  // The sample is data the person typed or loaded: where in it is theirs to read (`body.customer.name`).
  if (segments[0] === "trigger" && segments[1] === "sample" && segments.length > 2) {
    return `The trigger's sample, at ${segments.slice(2).join(".")}`;
  }
  if (segments[0] === "trigger") return "Trigger";
  if (segments[0] === "timeZone") return "Time zone";
  if (segments[0] !== "steps") return "This flow";
  // Down the tree: `steps.2.paths.0.steps.1.…` ends at the innermost step the path passes.
  let step: unknown;
  let rest: string[] = [];
  let node: unknown = draft;
  for (let index = 0; index < segments.length; index++) {
    node = readOwn(node, segments[index]!);
    if (segments[index] === "steps" && /^\d+$/.test(segments[index + 1] ?? "")) {
      step = readOwn(node, segments[index + 1]!);
      rest = segments.slice(index + 2);
    }
  }
  return [stepName(step, catalog), fieldName(step, rest, catalog)].filter(Boolean).join(", ");
}

function stepName(step: unknown, catalog: Catalog): string {
  const key = readOwn(step, "key");
  const action = readOwn(step, "action");
  const title = readOwn(step, "type") === "paths" ? "Paths" : catalog.get(String(action))?.title;
  const keyText = typeof key === "string" && key !== "" ? ` (${key})` : "";
  return title ? `“${title}”${keyText}` : `A step${keyText}`;
}

function fieldName(step: unknown, rest: readonly string[], catalog: Catalog): string | undefined {
  const [first, second, third] = rest;
  if (first === "key") return "its key";
  if (first === "input" && second !== undefined) {
    const spec = catalog.get(String(readOwn(step, "action")))?.fields.find((field) => field.name === second);
    const row = third !== undefined && /^\d+$/.test(third) ? `, row ${Number(third) + 1}` : "";
    return `${spec?.label ?? second}${row}`;
  }
  if (first === "paths" && second !== undefined) {
    const name = readOwn(readOwn(readOwn(step, "paths"), second), "name");
    return typeof name === "string" && name.trim() !== "" ? `path “${name}”` : `path ${Number(second) + 1}`;
  }
  return undefined;
}
