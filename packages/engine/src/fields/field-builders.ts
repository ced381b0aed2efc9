// The field builders (in the manner of Activepieces' props): `field.number({ label: "Amount",
// required: true, positive: true })` is the editor's spec of the field and, for TypeScript, the
// `number` that `run` receives. The engine's own coercion (coerce-field-value) does the parsing;
// builders only declare.
import type { FieldSpec, FieldType, SelectOption } from "../action-definition";
import type { ConditionGroups } from "../conditions/condition-schema";
import { type Field, type Fields, fieldSpecs, type InputOf } from "./field";

interface FieldOptions<TDefault> {
  label: string;
  /** One or two sentences a bookkeeper understands. */
  help?: string;
  placeholder?: string;
  required?: boolean;
  /** Used when the step leaves the field empty; a field with a default always has a value. */
  default?: TDefault;
  /** Optional unless another field of the same record has this value. */
  requiredWhen?: { field: string; equals: unknown };
  /** Not drawn, checked or passed to `run` while another field of the same record has this value. */
  hiddenWhen?: { field: string; equals: unknown };
}

interface TextOptions extends FieldOptions<string> {
  maxLength?: number;
  /** A credential: typed as a password, never shown again once saved (a connection's form). */
  secret?: boolean;
  /** Left empty, the field takes the flow's time zone. */
  defaultFromFlow?: "timeZone";
  /** Taken exactly as given: blanks kept, and a mapped number stays a number (`string | number`). */
  verbatim?: boolean;
}

/** What a text field parses to: a verbatim one also hands `run` a mapped number as it is. */
type TextOf<O> = O extends { verbatim: true } ? string | number : string;

interface NumberOptions extends FieldOptions<number> {
  /** Refuse zero and below ("must be more than zero"). */
  positive?: boolean;
}

interface SelectOptions extends FieldOptions<string> {
  options:
    | { static: readonly Readonly<SelectOption>[] }
    | { /** A loader key the connector implements. */ loader: string; dependsOn?: readonly string[] };
}

interface ListOptions extends Omit<FieldOptions<never>, "default" | "placeholder"> {
  /** The fields of one entry, e.g. an invoice line's. */
  item: Fields;
}

/** Required, or filled by a default: the engine never hands `run` the field empty. */
type Present<O> = O extends { required: true } ? true : O extends { default: unknown } ? true : false;

/** A dropdown of fixed options parses to one of their values; a loaded one to any text. */
type ChoiceOf<O> = O extends { options: { static: readonly (infer C)[] } }
  ? C extends { value: infer V extends string }
    ? V
    : never
  : string;

function declare(type: FieldType, options: FieldOptions<unknown>): Omit<FieldSpec, "name"> {
  const { label, ...rest } = options;
  return { label, type, ...rest };
}

export const field = {
  /** One line of text (a name, a code, a reference); blanks around it are dropped unless `verbatim`. */
  text: <const O extends TextOptions>(options: O): Field<TextOf<O>, Present<O>> => declare("string", options),

  /** Text that may run over several lines (a description). */
  longText: <const O extends TextOptions>(options: O): Field<TextOf<O>, Present<O>> => declare("text", options),

  /** A number, also when mapped as text ("12.50"); never one written with separators ("1,234.50"). */
  number: <const O extends NumberOptions>(options: O): Field<number, Present<O>> => declare("number", options),

  /** A calendar date, parsed to `YYYY-MM-DD` (a date-time keeps the date as written). */
  date: <const O extends FieldOptions<string>>(options: O): Field<string, Present<O>> => declare("date", options),

  /** Yes or no: true/false, yes/no and 1/0 are read. */
  boolean: <const O extends FieldOptions<boolean>>(options: O): Field<boolean, Present<O>> =>
    declare("boolean", options),

  /** A dropdown: fixed options (matched by value or label, any letter case) or a connector's loader. */
  select: <const O extends SelectOptions>(options: O): Field<ChoiceOf<O>, Present<O>> => {
    const source = options.options;
    // Copied, so the spec the editor receives is plain data, free of the declaration's `as const`.
    const copied =
      "static" in source
        ? { static: source.static.map((option) => ({ ...option })) }
        : { ...source, ...(source.dependsOn ? { dependsOn: [...source.dependsOn] } : {}) };
    return declare("select", { ...options, options: copied });
  },

  /** A list of records, each with the `item` fields (a required list needs at least one entry). */
  list: <const O extends ListOptions>(options: O): Field<InputOf<O["item"]>[], Present<O>> => {
    const { item, ...rest } = options;
    return { ...declare("list", rest), itemFields: fieldSpecs(item) };
  },

  /** Groups of conditions (AND inside a group, OR between groups), drawn as the condition builder. */
  conditions: <const O extends Omit<FieldOptions<never>, "default" | "placeholder">>(
    options: O,
  ): Field<ConditionGroups, Present<O>> => declare("conditions", options),
};
