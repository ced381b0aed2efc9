export {
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RateLimitedError,
} from "./errors/domain-errors";
export { createUserWithWorkspace } from "./workspaces/create-user-with-workspace";
export { findWorkspaceMembership, type WorkspaceMembership } from "./workspaces/find-workspace-membership";
export { roleAllows } from "./workspaces/workspace-role";
