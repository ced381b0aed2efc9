import { getXeroClient, loadFieldOptions } from "@ledgerflow/connector-xero";
import { type SelectOption, StepError } from "@ledgerflow/engine";
import { InvalidInputError } from "../errors/domain-errors";

export interface LoadStepFieldOptionsOptions {
  workspaceId: string;
  connectionId: string;
  /** The field's `options.loader`, e.g. "accounts". */
  loader: string;
  query?: string;
  dependsOn?: Record<string, unknown>;
  /** "Refresh fields": skip the cache and ask Xero again. */
  refresh?: boolean;
}

/** A dropdown's choices in the step editor, read from the step's Xero organisation. */
export async function loadStepFieldOptions({
  workspaceId,
  connectionId,
  ...request
}: LoadStepFieldOptionsOptions): Promise<SelectOption[]> {
  try {
    // getXeroClient checks that the connection belongs to this workspace.
    const client = await getXeroClient(connectionId, workspaceId);
    return await loadFieldOptions({ ...request, connectionId, client });
  } catch (error) {
    // Xero's own reasons (reconnect needed, missing scope, rate limited) are written for users.
    if (error instanceof StepError) throw new InvalidInputError(error.message, error.field);
    throw error;
  }
}
