// The FlowDefinition (docs/ARCHITECTURE.md §4): what a flow's draft and every published FlowVersion store as JSON.
// It is versioned so a stored definition can always be read: `upgradeFlowDefinition` is the one
// entry point. Version 2 added Paths: a step may branch into paths, each with its conditions and its
// own list of steps (flow-steps.ts walks the tree); every version-1 definition is a valid version 2.
//
// Per-step behaviour that belongs to one action (e.g. "when no contact is found: fail or carry on")
// is declared by the action as an ordinary field (a `select` with a default), not as step options:
// the editor then renders, validates and documents it like every other field.
import { z } from "zod";
import { type MappingValue, mappingValueSchema, stepInputSchema } from "./mapping-schema";
import { runTitleSchema } from "./run-title";
import { MAX_JSON_DEPTH, refineStorable } from "./storable-json";
import { timezoneSchema, triggerSchema } from "./trigger-schema";

export const FLOW_DEFINITION_VERSION = 2;
/** Every step counts, those inside paths and the Paths steps themselves too. */
export const MAX_STEPS = 50;
/** Zapier's number: more paths after one step is a lookup table, not a decision. */
export const MAX_PATHS = 5;
/** Paths inside paths inside paths, and no deeper: beyond that nobody can follow a run. */
export const MAX_PATH_DEPTH = 3;

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
  /** Absent in stored steps; tells an action step from a Paths step in the schema. */
  type: z.literal("action").optional(),
  /** A catalog key, e.g. "xero.createInvoice"; empty until the user picks one. */
  action: z.string().max(200),
  /** The Connection (e.g. a Xero organisation) the step acts on; `null` from the editor means none yet. */
  connectionId: z.preprocess((value) => value ?? undefined, z.string().min(1).max(100).optional()),
  input: stepInputSchema.default({}),
});

/** A step that calls an action (a Xero call, a Filter, a Formatter…). */
export type FlowStep = z.output<typeof flowStepSchema>;

/** One branch of a Paths step: taken when its conditions hold (the Filter's groups, as mappings). */
export interface FlowPath {
  /** Names the path in run history: which paths ran and why. */
  key: string;
  name: string;
  /** Groups of conditions, as a `conditions` field stores them; `[]` while the draft is unfinished. */
  conditions: MappingValue;
  steps: FlowNode[];
}

/** A step that branches: the paths whose conditions hold run their steps (all of them, or the first). */
export interface PathsStep {
  key: string;
  type: "paths";
  /** "all": every path whose conditions hold, in order (as Zapier); "first": only the first. */
  runs: "all" | "first";
  paths: FlowPath[];
  /** The path taken when no other path's conditions hold; none means the run stops there. */
  otherwise?: { steps: FlowNode[] };
}

/** Anything in a list of steps. */
export type FlowNode = FlowStep | PathsStep;

const pathKeySchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, "Path keys use lowercase letters, digits and _ (e.g. card_payments)");

const stepListSchema: z.ZodType<FlowNode[], unknown> = z.lazy(() => z.array(flowNodeSchema));

const flowPathSchema: z.ZodType<FlowPath, unknown> = z.object({
  key: pathKeySchema,
  name: z.string().trim().min(1, "Name the path").max(80),
  conditions: mappingValueSchema.default([]),
  steps: stepListSchema,
});

const pathsStepSchema: z.ZodType<PathsStep, unknown> = z.object({
  key: stepKeySchema,
  type: z.literal("paths"),
  runs: z.enum(["all", "first"]).default("all"),
  paths: z
    .array(flowPathSchema)
    .min(1, "A Paths step needs at least one path")
    .max(MAX_PATHS, `A Paths step has at most ${MAX_PATHS} paths`)
    .superRefine((paths, ctx) => {
      const seen = new Set<string>();
      paths.forEach((path, index) => {
        if (seen.has(path.key)) {
          ctx.addIssue({ code: "custom", path: [index, "key"], message: `Two paths are called "${path.key}"` });
        }
        seen.add(path.key);
      });
    }),
  otherwise: z.object({ steps: stepListSchema }).optional(),
});

// By `type`, so a broken Paths step is reported at its field, not as "matches no kind of step".
const flowNodeSchema = z.discriminatedUnion("type", [
  // Declared as a ZodType for its recursion; a discriminated union needs to see its `type`.
  pathsStepSchema as unknown as z.ZodObject<{ type: z.ZodLiteral<"paths"> }>,
  flowStepSchema,
]) as unknown as z.ZodType<FlowNode, unknown>;

/** A trigger sample is a whole event (its body up to MAX_JSON_DEPTH deep) a few levels down. */
const MAX_DEFINITION_DEPTH = MAX_JSON_DEPTH + 8 + 4 * MAX_PATH_DEPTH;

const flowDefinitionShape = z
  .object({
    schemaVersion: z.literal(FLOW_DEFINITION_VERSION),
    /** The flow's IANA time zone: "today" for a Filter, dates a Formatter or Delay reads; UTC if unset. */
    timeZone: timezoneSchema.optional(),
    /** The summary line of each run in the history (run-title.ts); chosen from the sample if unset. */
    runTitle: runTitleSchema.optional(),
    trigger: triggerSchema,
    steps: stepListSchema,
  })
  .superRefine((definition, ctx) => checkStepTree(definition.steps, ctx));

/** Rules across the whole tree: unique keys, Paths last in their list, bounded depth and size. */
function checkStepTree(steps: FlowNode[], ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  let count = 0;
  const walk = (list: FlowNode[], at: (string | number)[], depth: number) => {
    list.forEach((node, index) => {
      count++;
      const here = [...at, index];
      if (seen.has(node.key)) {
        ctx.addIssue({ code: "custom", path: [...here, "key"], message: `Two steps are called "${node.key}"` });
      }
      seen.add(node.key);
      if (!isPathsStep(node)) return;
      if (index < list.length - 1) {
        ctx.addIssue({
          code: "custom",
          path: here,
          message: "A Paths step is the last of its steps: move the steps after it into its paths",
        });
      }
      if (depth >= MAX_PATH_DEPTH) {
        ctx.addIssue({ code: "custom", path: here, message: `Paths go at most ${MAX_PATH_DEPTH} levels deep` });
        return;
      }
      node.paths.forEach((path, pathIndex) => {
        walk(path.steps, [...here, "paths", pathIndex, "steps"], depth + 1);
      });
      if (node.otherwise) walk(node.otherwise.steps, [...here, "otherwise", "steps"], depth + 1);
    });
  };
  walk(steps, ["steps"], 0);
  if (count > MAX_STEPS) {
    ctx.addIssue({ code: "custom", path: ["steps"], message: `A flow has at most ${MAX_STEPS} steps` });
  }
}

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

export function isPathsStep(node: FlowNode): node is PathsStep {
  return "type" in node && node.type === "paths";
}

/** A new flow: a webhook trigger, no steps, and dates read in `timeZone` when the person's is known. */
export function createEmptyFlowDefinition({ timeZone }: { timeZone?: string } = {}): FlowDefinition {
  return {
    schemaVersion: FLOW_DEFINITION_VERSION,
    trigger: { type: "webhook", config: {} },
    steps: [],
    ...(timeZone ? { timeZone } : {}),
  };
}

const storedVersionSchema = z.object({ schemaVersion: z.number().int() });

/**
 * Reads a stored definition of any version and returns the current shape. Throws a `ZodError`
 * naming what is wrong (callers turn it into a 400 or a failed run).
 */
export function upgradeFlowDefinition(json: unknown): FlowDefinition {
  const { schemaVersion } = storedVersionSchema.parse(json);
  switch (schemaVersion) {
    // Version 1 had only straight lists of action steps: each of them is a version-2 definition.
    case 1:
      return flowDefinitionSchema.parse({ ...(json as object), schemaVersion: FLOW_DEFINITION_VERSION });
    case 2:
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
