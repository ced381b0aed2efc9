// The FlowDefinition (docs/ARCHITECTURE.md §4): what a flow's draft and every published FlowVersion store as JSON.
// It is versioned so a stored definition can always be read: `upgradeFlowDefinition` is the one
// entry point, and a future `schemaVersion: 2` adds its migration there.
//
// Per-step behaviour that belongs to one action (e.g. "when no contact is found: fail or carry on")
// is declared by the action as an ordinary field (a `select` with a default), not as step options:
// the editor then renders, validates and documents it like every other field.
import { z } from "zod";
import { stepInputSchema } from "./mapping-schema";
import { MAX_JSON_DEPTH, refineStorable } from "./storable-json";
import { triggerSchema } from "./trigger-schema";

export const FLOW_DEFINITION_VERSION = 1;
export const MAX_STEPS = 50;

/** Keys that would be prototype names when used as property names (`steps.constructor`). */
const RESERVED_STEP_KEYS = new Set(["constructor", "prototype"]);

export const stepKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, "Step keys use lowercase letters, digits and _ (e.g. find_contact)")
  .refine((key) => !RESERVED_STEP_KEYS.has(key), { message: "This step key is reserved; choose another" });

// A draft may be incomplete (no action or connection chosen yet, fields still empty): the schema
// checks structure only, and `validateFlowDefinitionForPublish` checks completeness at switch-on.
export const flowStepSchema = z.object({
  key: stepKeySchema,
  /** A catalog key, e.g. "xero.createInvoice"; empty until the user picks one. */
  action: z.string().max(200),
  /** The Connection (e.g. a Xero organisation) the step acts on; `null` from the editor means none yet. */
  connectionId: z.preprocess((value) => value ?? undefined, z.string().min(1).max(100).optional()),
  input: stepInputSchema.default({}),
});

/** A trigger sample is a whole event (its body up to MAX_JSON_DEPTH deep) a few levels down. */
const MAX_DEFINITION_DEPTH = MAX_JSON_DEPTH + 8;

const flowDefinitionShape = z.object({
  schemaVersion: z.literal(FLOW_DEFINITION_VERSION),
  trigger: triggerSchema,
  steps: z
    .array(flowStepSchema)
    .max(MAX_STEPS, `A flow has at most ${MAX_STEPS} steps`)
    .superRefine((steps, ctx) => {
      const seen = new Set<string>();
      steps.forEach((step, index) => {
        if (seen.has(step.key)) {
          ctx.addIssue({ code: "custom", path: [index, "key"], message: `Two steps are called "${step.key}"` });
        }
        seen.add(step.key);
      });
    }),
});

/**
 * A flow definition, checked first for what PostgreSQL cannot store (NUL, broken characters,
 * runaway nesting) anywhere in it — so the field is named instead of a 500 — and before the shape,
 * whose recursive mapping schema would overflow the stack on runaway nesting.
 */
export const flowDefinitionSchema = z
  .unknown()
  .superRefine(refineStorable(MAX_DEFINITION_DEPTH))
  .pipe(flowDefinitionShape);

export type FlowDefinition = z.output<typeof flowDefinitionSchema>;
export type FlowStep = FlowDefinition["steps"][number];

export function createEmptyFlowDefinition(): FlowDefinition {
  return { schemaVersion: FLOW_DEFINITION_VERSION, trigger: { type: "webhook", config: {} }, steps: [] };
}

const storedVersionSchema = z.object({ schemaVersion: z.number().int() });

/**
 * Reads a stored definition of any version and returns the current shape. Throws a `ZodError`
 * naming what is wrong (callers turn it into a 400 or a failed run).
 */
export function upgradeFlowDefinition(json: unknown): FlowDefinition {
  const { schemaVersion } = storedVersionSchema.parse(json);
  switch (schemaVersion) {
    case 1:
      return flowDefinitionSchema.parse(json);
    default:
      throw new z.ZodError([
        {
          code: "custom",
          path: ["schemaVersion"],
          message: `This flow was saved by a newer or unknown version of Ledgerflow (schema ${schemaVersion})`,
          input: schemaVersion,
        },
      ]);
  }
}

/** The step with `key`, and its position. */
export function findStep(definition: FlowDefinition, key: string): { step: FlowStep; index: number } | undefined {
  const index = definition.steps.findIndex((step) => step.key === key);
  return index === -1 ? undefined : { step: definition.steps[index]!, index };
}
