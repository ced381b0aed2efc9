export {
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RateLimitedError,
} from "./errors/domain-errors";
export { createFlow } from "./flows/create-flow";
export { deleteFlow } from "./flows/delete-flow";
export { type FlowForEditor, getFlowForEditor } from "./flows/get-flow-for-editor";
export { type FlowList, type FlowListItem, listFlows } from "./flows/list-flows";
export { regenerateWebhookToken } from "./flows/regenerate-webhook-token";
export { renameFlow } from "./flows/rename-flow";
export { saveStepSample } from "./flows/save-step-sample";
export { setWebhookSigningSecret } from "./flows/set-webhook-signing-secret";
export { updateFlowDraft } from "./flows/update-flow-draft";
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
