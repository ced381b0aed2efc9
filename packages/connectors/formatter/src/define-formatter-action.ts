// Every formatter step is an action that needs no connection and writes nothing outside the run:
// it declares no `writes`, so describeWrites and the money-safety prompts (Test, Run now, Re-run)
// never count it among what a flow writes to Xero. Its work is a pure function of its input.
import {
  type ActionDefinition,
  defineAction,
  type Fields,
  type InputCheckProblem,
  type InputOf,
} from "@ledgerflow/engine";

/** The groups of the editor's step picker, in the order the connector lists its actions. */
export type FormatterGroup = "Format text" | "Format numbers" | "Format dates" | "Lookup and lists";

export interface FormatterDeclaration<F extends Fields, TOutput> {
  key: `formatter.${string}`;
  group: FormatterGroup;
  title: string;
  /** One line, shown under the step's title in the editor. */
  description: string;
  fields: F;
  check?(input: InputOf<F>): InputCheckProblem<keyof InputOf<F> & string>[];
  outputSample: NoInfer<TOutput>;
  /** The output from the parsed input alone; a value it cannot read throws refuseField's StepError. */
  transform(input: InputOf<F>): TOutput;
}

/** The client of a connector whose steps need no connection: there is none. */
export type NoClient = undefined;

export function defineFormatterAction<F extends Fields, TOutput>(
  declaration: FormatterDeclaration<F, TOutput>,
): ActionDefinition<NoClient, InputOf<F>, TOutput> {
  const { transform, ...entry } = declaration;
  return defineAction<NoClient, F, TOutput>({
    ...entry,
    kind: "action",
    needsConnection: false,
    run: async (_ctx, input) => transform(input),
  });
}
