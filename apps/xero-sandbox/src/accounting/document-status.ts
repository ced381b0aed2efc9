/** Which statuses a document may be created in, and which each status may move to through an update. */
export interface StatusRules<S extends string> {
  /** The document's name as Xero's validation messages write it, e.g. `Purchase Order`. */
  messageName: string;
  /** The status of a new document that names none. */
  initial: S;
  create: readonly S[];
  /** A status listed under itself allows edits that keep it; one without itself is final. */
  moves: Record<S, readonly S[]>;
}

function isStatus<S extends string>(rules: StatusRules<S>, status: string): status is S {
  return Object.hasOwn(rules.moves, status);
}

function refusal<S extends string>(rules: StatusRules<S>, current: S | undefined, requested: string) {
  const name = rules.messageName;
  if (!isStatus(rules, requested)) return `${name} Status '${requested}' is not valid.`;
  if (!current) {
    return rules.create.includes(requested) ? undefined : `${name} Status '${requested}' is not valid for creation.`;
  }
  if (rules.moves[current].includes(requested)) return undefined;
  return requested === current
    ? `${name} of status '${current}' cannot be edited.`
    : `${name} of status '${current}' cannot be changed to '${requested}'.`;
}

/**
 * The status a document takes: the `requested` one (else it keeps `current`, else the initial
 * one) when the rules allow it from `current` (undefined on a create); otherwise undefined, with
 * Xero's validation message naming the refused move added to `messages`.
 */
export function checkStatus<S extends string>(
  rules: StatusRules<S>,
  current: S | undefined,
  requested: string | undefined,
  messages: string[],
): S | undefined {
  const status = requested ?? current ?? rules.initial;
  const message = refusal(rules, current, status);
  if (message) messages.push(message);
  return message ? undefined : (status as S);
}
