export {
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RateLimitedError,
} from "./errors/domain-errors";
export { type CountRunsPerDayInput, countRunsPerDay, type RunsOnDay } from "./runs/presenters/count-runs-per-day";
export {
  type GetRunDetailInput,
  getRunDetail,
  type RunDetail,
  type StepRunDetail,
} from "./runs/presenters/get-run-detail";
export { listRunFlowOptions, type RunFlowOption } from "./runs/presenters/list-run-flow-options";
export { type ListRunsInput, listRuns, type RunPage, type RunRow } from "./runs/presenters/list-runs";
export { inProgressRunStatuses, runSources, runStatuses } from "./runs/presenters/run-vocabulary";
export { createUserWithWorkspace } from "./workspaces/create-user-with-workspace";
export { findWorkspaceMembership, type WorkspaceMembership } from "./workspaces/find-workspace-membership";
export { roleAllows } from "./workspaces/workspace-role";
