import { describeDraftIssues, type FlowDefinition, flowDefinitionSchema } from "@ledgerflow/engine";
import { appConnectors } from "../connectors/app-connectors";
import { InvalidInputError } from "../errors/domain-errors";

/**
 * The editor's draft, as sent by the autosave. An unfinished draft always parses (flow-definition.ts);
 * one that is not a draft is refused in words naming the step and the field by its label, never by
 * its schema path.
 */
export function parseFlowDraft(raw: unknown): FlowDefinition {
  const parsed = flowDefinitionSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new InvalidInputError(describeDraftIssues(parsed.error.issues, raw, appConnectors().catalog), "draft");
}
