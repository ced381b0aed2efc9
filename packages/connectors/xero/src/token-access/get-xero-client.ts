import { isConnectionLocked } from "@ledgerflow/vault";
import { createAccountingApi } from "../client/create-accounting-api";
import { xeroAppSettings } from "../client/xero-app-settings";
import { createXeroClientContext, type XeroClientContext } from "../xero-client-context";
import { type ConnectionSummary, findConnectionRecord, toConnectionSummary } from "./connection-record";
import { connectionNotFoundError } from "./connection-step-errors";
import { freshAccessToken } from "./fresh-access-token";

export interface XeroClientForConnection extends XeroClientContext {
  connection: ConnectionSummary;
}

/**
 * A ready xero-node client for one connection of one workspace: the worker's and the editor's only
 * way to Xero. Refreshes the tokens when needed (fresh-access-token.ts). Fails with StepErrors: not
 * found (also for another workspace's id), reconnect needed, unreadable tokens, or retryable
 * refresh trouble.
 */
export async function getXeroClient(connectionId: string, workspaceId: string): Promise<XeroClientForConnection> {
  const connection = await findConnectionRecord(connectionId, workspaceId);
  if (!connection) throw connectionNotFoundError();
  const accessToken = await freshAccessToken(connection);
  const settings = xeroAppSettings();
  const context = createXeroClientContext({
    accounting: createAccountingApi(accessToken, settings),
    tenantId: connection.externalId,
    timeoutMs: settings.timeoutMs,
    isTokenRefreshInProgress: () => isConnectionLocked(connection.id),
  });
  return { ...context, connection: toConnectionSummary(connection) };
}
