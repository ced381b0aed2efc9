// A field as an action declares it (`field.number({ label: "Amount", required: true })`): at run
// time exactly its editor spec less the name, which is the key it is declared under; for
// TypeScript, also the value the engine parses it to. So one declaration is the editor's field,
// the switch-on check and the type of the input `run` receives.
import type { FieldSpec } from "../action-definition";

declare const parsesTo: unique symbol;

/** `TValue`: what the engine parses the field to. `TPresent`: whether `run` can count on a value. */
export type Field<TValue = unknown, TPresent extends boolean = boolean> = Omit<FieldSpec, "name"> & {
  /** Never set: it only carries the types. */
  readonly [parsesTo]?: { value: TValue; present: TPresent };
};

/**
 * An action's fields by name, in the order the editor shows them. A key may be declared optional
 * for a field only some variants have (a sales line's discount); an absent one is no field.
 */
export type Fields = { readonly [name: string]: Field | undefined };

type ValueOf<F> = F extends { readonly [parsesTo]?: { value: infer V } } ? V : never;
type IsPresent<F> = F extends { readonly [parsesTo]?: { present: true } } ? true : false;
/** Keys whose field is declared for sure and always has a value. */
type PresentKeys<F> = {
  [K in keyof F]-?: F extends Record<K, unknown> ? (IsPresent<F[K]> extends true ? K : never) : never;
}[keyof F];

/**
 * The input `run` receives for these fields: required fields and fields with a default are always
 * there; the others may be absent (an empty optional field is left out, never `""`).
 */
export type InputOf<F extends Fields> = Flatten<
  { [K in PresentKeys<F>]: ValueOf<NonNullable<F[K]>> } & {
    [K in Exclude<keyof F, PresentKeys<F>>]?: ValueOf<NonNullable<F[K]>>;
  }
>;

type Flatten<T> = { [K in keyof T]: T[K] } & {};

/** The editor's `FieldSpec[]`: one per declared field, in declaration order, named by its key. */
export function fieldSpecs(fields: Fields): FieldSpec[] {
  return Object.entries(fields).flatMap(([name, declared]) => (declared ? [{ name, ...declared }] : []));
}
