// The engine's public surface: exactly what other packages import. Add a name here when another
// package needs it; everything else stays internal so it can change without a search.
export {
  type ActionContext,
  type ActionDefinition,
  type FieldSpec,
  type InputCheckProblem,
  type SelectOption,
  StepError,
} from "./action-definition";
export { CallDeferredError } from "./call-deferred-error";
export { type Catalog, type CatalogAction, createCatalog } from "./catalog";
export {
  type Condition,
  type ConditionGroup,
  type ConditionGroups,
  conditionGroupSchema,
  conditionGroupsSchema,
  conditionSchema,
  MAX_CONDITION_GROUPS,
  MAX_CONDITIONS_PER_GROUP,
} from "./conditions/condition-schema";
export type { ConditionResult } from "./conditions/evaluate-condition";
export { type ConditionsResult, evaluateConditions, type GroupResult } from "./conditions/evaluate-conditions";
export { explainConditions } from "./conditions/explain-conditions";
export { OPERATOR_KEYS, OPERATORS, type OperatorKey, type RightKind } from "./conditions/operators";
export {
  type AnyConnector,
  type ClientRequest,
  type Connector,
  type ConnectorAuth,
  type ConnectorLimits,
  defineConnector,
  type MissingPermissions,
  type OptionLoader,
  type OptionLoaderArgs,
} from "./connector";
export type {
  ConnectorEvents,
  EventRecord,
  InstantTriggerSource,
  PollArgs,
  PollCursor,
  PolledRecord,
  PollingSpec,
  PollingTriggerSource,
  PollResult,
  PushedEvent,
  RecordState,
  TriggerDefinition,
  TriggerFiresArgs,
} from "./connector-trigger";
export { buildSampleContext, type DataPickerGroup, listDataReferences, listItemReferences } from "./data-picker";
export { OTHERWISE_PATH, PATHS_ACTION, type PathsDecision } from "./decide-paths";
export { describeDraftIssues } from "./describe-draft-issues";
export { describeRepeatedTest, describeWrites, type PlannedWrite, testWouldRepeat } from "./describe-writes";
export { type ExecutedStep, executeFlow } from "./execute-flow";
export { describeFieldPath, type FieldLocation, parseFieldPath } from "./field-path";
export { defaultStepInput, isFieldHidden } from "./field-rules";
export { type ActionDeclaration, defineAction } from "./fields/define-action";
export { type Field, type Fields, fieldSpecs, type InputOf } from "./fields/field";
export { field } from "./fields/field-builders";
export { connectionIdsOf } from "./flow-connections";
export { type FlowControl, type FlowControls, recordFlowControl } from "./flow-control";
export {
  createEmptyFlowDefinition,
  FLOW_DEFINITION_VERSION,
  type FlowDefinition,
  type FlowNode,
  type FlowPath,
  type FlowStep,
  flowDefinitionSchema,
  flowStepSchema,
  isPathsStep,
  MAX_PATH_DEPTH,
  MAX_PATHS,
  type PathsStep,
  upgradeFlowDefinition,
} from "./flow-definition";
export { findPlace, findStep, listActionSteps, listSteps, mapActionSteps, type StepPlace } from "./flow-steps";
export { fillHelpStepKeys } from "./help-step-keys";
export {
  type EachMapping,
  isEachMapping,
  isUnchosenEachSource,
  type MappingObject,
  type MappingValue,
} from "./mapping-schema";
export { findMissingSampleReferences } from "./missing-sample-references";
export { defineOwn, isPlainObject, type PlainObject, readOwn, readPath } from "./plain-data";
export { type ClientFor, type FlowSettings, flowSettingsOf, prepareStep } from "./run-step";
export {
  chooseRunTitle,
  MAX_RUN_TITLE_LENGTH,
  type RunTitlePart,
  renderRunTitle,
  runTitleParts,
  runTitleSchema,
} from "./run-title";
export { sameFlowBehaviour } from "./same-flow-behaviour";
export {
  type CalendarSchedule,
  calendarScheduleSchema,
  calendarToCron,
  cronToCalendar,
  WEEKDAY_NAMES,
} from "./schedule/calendar-schedule";
export { describeSchedule } from "./schedule/describe-schedule";
export { currentStepErrorCode, STEP_ERROR_CODES, type StepErrorCode } from "./step-error-codes";
export { stepWrites } from "./step-writes";
export { checkStorable, formatJsonPath, MAX_JSON_DEPTH, refineStorable } from "./storable-json";
export {
  formatFieldPath,
  formatPath,
  parsePath,
  parseTemplate,
  type TemplatePart,
  wholeTemplateExpression,
} from "./template-path";
export { listTemplateReferences, referencedStepKey, type TemplateReference } from "./template-references";
export { resolveStepInput, type TemplateContext } from "./template-resolver";
export {
  type ActionTestBehaviour,
  type AppliedOverride,
  applyTestOverride,
  type CleanUpContext,
  cleanUpRefusal,
  createdTestRecord,
  type TestOverride,
  type TestRecordSpec,
} from "./test-behaviour";
export { type TestStepResult, testStep } from "./test-step";
export { triggerPolling } from "./trigger-polling";
export {
  createTrigger,
  cronSchema,
  DEFAULT_POLL_SECONDS,
  type FlowTrigger,
  MIN_INTERVAL_SECONDS,
  MIN_POLL_SECONDS,
  type ScheduleConfig,
  scheduleConfigSchema,
  type TriggerType,
  timezoneSchema,
  triggerSchema,
} from "./trigger-schema";
export { type PublishProblem, validateFlowDefinitionForPublish } from "./validate-flow-for-publish";
export { validateStepInput } from "./validate-step-input";
export {
  DEFAULT_WEBHOOK_SETTINGS,
  type EventIdSource,
  MAX_EVENT_ID_LENGTH,
  readWebhookSettings,
  SIGNATURE_TOLERANCE_SECONDS,
  type SignatureScheme,
  signatureHeaderOf,
  type WebhookSettings,
  webhookSettingsSchema,
} from "./webhook-settings";
