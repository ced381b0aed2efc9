import { field, type InputCheckProblem } from "@ledgerflow/engine";

// "Pick a part of text" and "Pick an entry of a list" count the same way: 1 is the first, -1 the
// last, so both read alike and share one field, one check and one pick.

/** The position setting, named by what is counted ("part", "entry"). */
export const positionField = (noun: string) =>
  field.number({
    label: noun[0]!.toUpperCase() + noun.slice(1),
    help: `1 is the first ${noun}, 2 the second; -1 is the last, -2 the one before it.`,
    required: true,
    default: 1,
  });

/** The refusal of a position that counts nothing (0, 1.5). */
export const checkPosition =
  (noun: string) =>
  ({ position }: { position: number }): InputCheckProblem<"position">[] =>
    Number.isInteger(position) && position !== 0
      ? []
      : [
          {
            field: "position",
            message: `give a whole number other than 0, e.g. 1 for the first ${noun} or -1 for the last`,
          },
        ];

/** The value at a position; none there is not a failure (a later step can give a default). */
export function pickAt<T>(values: readonly T[], position: number) {
  const value = values.at(position > 0 ? position - 1 : position);
  return { value: value ?? null, found: value !== undefined, count: values.length };
}
