import { type Fields, StepError } from "@ledgerflow/engine";

/**
 * A value the step cannot work with, as the engine reports its own field problems: the field's
 * label and why ("Text to read "1,2" is not a number as en-US writes it"), on the field itself, so
 * the editor highlights it. Never retried: the same input fails the same way.
 */
export function refuseField<F extends Fields>(fields: F, name: keyof F & string, reason: string): StepError {
  const label = fields[name]?.label ?? name;
  return new StepError(`${label} ${reason}`, { code: "invalid_input", field: name });
}

const MAX_QUOTED = 60;

/** A value as a refusal shows it: quoted, and shortened, since it may be a whole mapped text. */
export function quoted(text: string): string {
  const characters = Array.from(text);
  return JSON.stringify(characters.length > MAX_QUOTED ? `${characters.slice(0, MAX_QUOTED - 1).join("")}…` : text);
}
