// Declares a catalog entry from its fields by name: the engine gets today's ActionDefinition
// (`fields` as FieldSpec[] in declaration order), `check` and `run` get the input typed as the
// fields parse to. The parsing itself is the engine's, once, before `run` (run-step's prepareStep).
import type { ActionContext, ActionDefinition, InputCheckProblem } from "../action-definition";
import { type Fields, fieldSpecs, type InputOf } from "./field";

export interface ActionDeclaration<TClient, F extends Fields, TOutput>
  extends Omit<ActionDefinition<TClient, InputOf<F>, TOutput>, "fields" | "check" | "outputSample" | "run"> {
  /** `{ InvoiceID: field.text({ … }), … }`: each key is the field's name in the step's input. */
  fields: F;
  /**
   * Rules across fields, on the parsed input, each problem on one field:
   * `{ field: "InvoiceID", message: "give the invoice's ID or its number" }`.
   */
  check?(input: InputOf<F>): InputCheckProblem<keyof InputOf<F> & string>[];
  /** Not a source of the output type: `run` is, and the sample is checked against it. */
  outputSample: NoInfer<TOutput>;
  run(ctx: ActionContext<TClient>, input: InputOf<F>): Promise<TOutput>;
}

export function defineAction<TClient, F extends Fields, TOutput>(
  declaration: ActionDeclaration<TClient, F, TOutput>,
): ActionDefinition<TClient, InputOf<F>, TOutput> {
  const { fields, ...entry } = declaration;
  return { ...entry, fields: fieldSpecs(fields) };
}
