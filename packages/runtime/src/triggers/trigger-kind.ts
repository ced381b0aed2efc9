import type { RunSource } from "@ledgerflow/db";
import type { FlowTrigger, TriggerType } from "@ledgerflow/engine";

/**
 * What the runtime knows of one kind of trigger (the engine's trigger type). Each kind's folder
 * exports one, with its own accept code beside it (a webhook request, a schedule firing, "Run
 * now"); `trigger-kinds.ts` lists them.
 */
export interface TriggerKind<K extends TriggerType = TriggerType> {
  /** Run.source of the runs this kind starts. */
  runSource: RunSource;
  /**
   * Starts what delivers the kind's events once the flow is published (a schedule's job
   * scheduler). Absent where nothing needs starting: a webhook's URL answers whenever its flow exists.
   */
  arm?(flow: { id: string; workspaceId: string }, trigger: Extract<FlowTrigger, { type: K }>): Promise<void>;
  /** Stops it again: at switch-off, and at publish when the flow's trigger is of another kind now. */
  disarm?(flowId: string): Promise<void>;
}
