export { createSecretConnection } from "./connections/create-secret-connection";
export { disconnectConnection } from "./connections/disconnect-connection";
export { mayManageConnections } from "./connections/may-manage-connections";
export { type ConnectionListItem, listConnections } from "./connections/presenters/list-connections";
export {
  type FlowUsingConnection,
  listFlowsUsingConnections,
} from "./connections/presenters/list-flows-using-connections";
export { appConnectors } from "./connectors/app-connectors";
export { loadFieldOptions, loadFieldOptionsSchema } from "./connectors/load-field-options";
export {
  type ConnectorDeliveries,
  type ConnectorDeliveryRow,
  listConnectorDeliveries,
} from "./connectors/presenters/list-connector-deliveries";
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
export { disableFlow } from "./flows/disable-flow";
export { parseFlowDraft } from "./flows/parse-flow-draft";
export { getFlowForEditor } from "./flows/presenters/get-flow-for-editor";
export { type FlowList, type FlowListItem, type LostConnection, listFlows } from "./flows/presenters/list-flows";
export { readFlowSwitch } from "./flows/presenters/read-flow-switch";
export { isPreviewable, previewFlowStep } from "./flows/preview-flow-step";
export { publishFlow } from "./flows/publish-flow";
export { renameFlow } from "./flows/rename-flow";
export { testFlowStep } from "./flows/test-flow-step";
export { cleanUpTestRecords } from "./flows/test-records/clean-up-test-records";
export { listTestRecords, type TestRecordView } from "./flows/test-records/list-test-records";
export { updateFlowDraft } from "./flows/update-flow-draft";
export { cancelRun } from "./runs/cancel-run";
export { SWITCHED_OFF } from "./runs/create-run";
export { type ExecuteRunDeps, executeRun } from "./runs/execute-run";
export { getReplayPlan, type ReplayPlan } from "./runs/plan-replay";
export { countRunsPerDay, type RunsOnDay } from "./runs/presenters/count-runs-per-day";
export {
  getRunDetail,
  type RunDetail,
  type StepRunDetail,
  type StepRunPlace,
} from "./runs/presenters/get-run-detail";
export { listRunFlowOptions, type RunFlowOption } from "./runs/presenters/list-run-flow-options";
export { type ListRunsInput, listRuns, type RunRow } from "./runs/presenters/list-runs";
export { decodeRunCursor, encodeRunCursor } from "./runs/presenters/run-cursor";
export { inProgressRunStatuses, runStatuses } from "./runs/presenters/run-vocabulary";
export { pruneRunPayloads } from "./runs/prune-run-payloads";
export { replayRun } from "./runs/replay-run";
export { runBackoffMs } from "./runs/run-backoff";
export { sweepStuckRuns } from "./runs/sweep-stuck-runs";
export type { PublishProblem } from "./triggers/check-flow-can-publish";
export { type FanOutOutcome, fanOutConnectorEvents } from "./triggers/event/fan-out-connector-events";
export {
  loadTriggerSample,
  loadTriggerSampleSchema,
  type TriggerSampleResult,
} from "./triggers/event/load-trigger-sample";
export { scheduleFanOut } from "./triggers/event/schedule-fan-out";
export { scheduleFanOutIfWaiting } from "./triggers/event/schedule-fan-out-if-waiting";
export { sweepConnectorEvents } from "./triggers/event/sweep-connector-events";
export { startListeningForTestEvent, takeTestEvent } from "./triggers/listen-for-test-event";
export { runFlowNow } from "./triggers/manual/run-flow-now";
export { requestPoll } from "./triggers/poll/arm-poll";
export { type PollOutcome, pollFlow } from "./triggers/poll/poll-flow";
export { rearmPolls } from "./triggers/poll/rearm-polls";
export { armSchedule } from "./triggers/schedule/arm-schedule";
export { fireSchedule } from "./triggers/schedule/fire-schedule";
export { acceptWebhook } from "./triggers/webhook/accept-webhook";
export { WEBHOOK_MAX_BYTES } from "./triggers/webhook/parse-webhook-body";
export { regenerateWebhookToken } from "./triggers/webhook/regenerate-webhook-token";
export { setWebhookSigningSecret, webhookSigningSecretSchema } from "./triggers/webhook/set-webhook-signing-secret";
export { updateWebhookSettings } from "./triggers/webhook/update-webhook-settings";
export { signWebhookBody } from "./triggers/webhook/verify-webhook-signature";
export { changeUserPassword } from "./users/change-user-password";
export { getSessionVersion } from "./users/get-session-version";
export { revokeUserSessions } from "./users/revoke-user-sessions";
export { createUserWithWorkspace } from "./workspaces/create-user-with-workspace";
export { findWorkspaceMembership } from "./workspaces/find-workspace-membership";
export { roleAllows } from "./workspaces/workspace-role";
