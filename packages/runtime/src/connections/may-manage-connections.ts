import { findWorkspaceMembership } from "../workspaces/find-workspace-membership";
import { roleAllows } from "../workspaces/workspace-role";

/**
 * Whether the user may add, reconnect or remove the workspace's connections (EDITOR or above).
 * For the OAuth callbacks, which learn the workspace from the pending authorization rather than
 * from the session, so withWorkspace's role check cannot cover them.
 */
export async function mayManageConnections({ userId, workspaceId }: { userId: string; workspaceId: string }) {
  const membership = await findWorkspaceMembership({ userId, workspaceId });
  return membership !== null && roleAllows(membership.role, "EDITOR");
}
