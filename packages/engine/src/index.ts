// The engine's public surface: exactly what other packages import. Add a name here when another
// package needs it; everything else stays internal so it can change without a search.
export {
  type ActionContext,
  type ActionDefinition,
  type FieldSpec,
  type SelectOption,
  StepError,
} from "./action-definition";
export { type Catalog, type CatalogAction, createCatalog } from "./catalog";
export { buildSampleContext, type DataPickerGroup, listDataReferences, listItemReferences } from "./data-picker";
export { describeRepeatedTest, describeWrites, type PlannedWrite, testWouldRepeat } from "./describe-writes";
export { executeFlow } from "./execute-flow";
export {
  createEmptyFlowDefinition,
  type FlowDefinition,
  type FlowStep,
  findStep,
  flowDefinitionSchema,
  upgradeFlowDefinition,
} from "./flow-definition";
export { type EachMapping, isEachMapping, type MappingObject, type MappingValue } from "./mapping-schema";
export { sameFlowBehaviour } from "./same-flow-behaviour";
export { currentStepErrorCode, STEP_ERROR_CODES, type StepErrorCode } from "./step-error-codes";
export { checkStorable, formatJsonPath, MAX_JSON_DEPTH, refineStorable } from "./storable-json";
export { wholeTemplateExpression } from "./template-path";
export { resolveStepInput, type TemplateContext } from "./template-resolver";
export { type TestStepResult, testStep } from "./test-step";
export {
  createTrigger,
  cronSchema,
  type FlowTrigger,
  MIN_INTERVAL_SECONDS,
  type ScheduleConfig,
  scheduleConfigSchema,
  type TriggerType,
} from "./trigger-schema";
export { type PublishProblem, validateFlowDefinitionForPublish } from "./validate-flow-for-publish";
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
