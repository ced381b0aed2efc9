"use server";

import type { FlowControl } from "@ledgerflow/engine";
import { listTestRecords, testFlowStep } from "@ledgerflow/runtime";
import { z } from "zod";
import { toTestRecordItems } from "@/components/flow-editor/test-record-item";
import { workspaceAction } from "../with-workspace";

/**
 * "Test" on a step: runs it for real against the chosen Xero organisation and keeps the result, with
 * what the step would ask of a run (`control`: stop here, or wait), and the flow's test records
 * now (the test may have added one).
 * `confirmRepeat` is sent only from the confirmation that said a second test creates another object;
 * `useStepValues` when the person chose to test with the step's own status rather than a draft.
 */
export const testStepAction = workspaceAction(
  z.object({
    flowId: z.string().min(1),
    stepKey: z.string().min(1),
    confirmRepeat: z.boolean().optional(),
    useStepValues: z.boolean().optional(),
  }),
  "EDITOR",
  async ({ workspace, input }) => {
    // The kept sample, and whether a run would stop at the step (a Filter) or wait there (a Delay).
    const tested: Awaited<ReturnType<typeof testFlowStep>> & { control?: FlowControl } = await testFlowStep({
      workspaceId: workspace.id,
      ...input,
    });
    const testRecords = toTestRecordItems(await listTestRecords({ workspaceId: workspace.id, flowId: input.flowId }));
    return { ...tested, testRecords };
  },
);
