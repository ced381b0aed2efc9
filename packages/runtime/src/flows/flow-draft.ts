import { z } from "zod";

// The shape of a flow's draft as the editor saves it (DESIGN §4). A draft may be incomplete — empty
// fields, no connection yet — so this checks structure only; completeness is checked when the flow
// is switched on. TODO(engine): once `flowDefinitionSchema` lands in @ledgerflow/engine, derive this
// from it instead of restating the structure here.

const stepKeyPattern = /^[a-z][a-z0-9_]{0,47}$/;

export const triggerTypes = ["webhook", "schedule", "manual"] as const;

export const flowDraftStepSchema = z.object({
  key: z.string().regex(stepKeyPattern, "Step keys are lower-case letters, digits and underscores"),
  action: z.string().max(100),
  connectionId: z.string().max(64).nullable().optional(),
  input: z.record(z.string(), z.unknown()).default({}),
});

export const flowDraftSchema = z
  .object({
    schemaVersion: z.literal(1),
    trigger: z.object({
      type: z.enum(triggerTypes),
      config: z.record(z.string(), z.unknown()).default({}),
      sample: z.unknown().optional(),
    }),
    steps: z.array(flowDraftStepSchema).max(50, "A flow has at most 50 steps"),
  })
  .refine((draft) => new Set(draft.steps.map((step) => step.key)).size === draft.steps.length, {
    message: "Two steps share a key",
    path: ["steps"],
  });

export type FlowDraft = z.infer<typeof flowDraftSchema>;
export type FlowDraftStep = z.infer<typeof flowDraftStepSchema>;
export type TriggerType = (typeof triggerTypes)[number];

export function createEmptyFlowDraft(): FlowDraft {
  return { schemaVersion: 1, trigger: { type: "webhook", config: {} }, steps: [] };
}
