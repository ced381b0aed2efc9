export * from "./action-definition";
export { CallDeferredError } from "./call-deferred-error";
export * from "./catalog";
export { type Coerced, coerceFieldValue } from "./coerce-field-value";
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
  type TriggerDefinition,
} from "./connector";
export * from "./data-picker";
export * from "./describe-writes";
export * from "./execute-flow";
export { type ActionDeclaration, defineAction } from "./fields/define-action";
export { type Field, type Fields, fieldSpecs, type InputOf } from "./fields/field";
export { field } from "./fields/field-builders";
export * from "./flow-definition";
export * from "./mapping-schema";
export { type ClientFor, prepareStep, toStepError } from "./run-step";
export { sameFlowBehaviour } from "./same-flow-behaviour";
export * from "./storable-json";
export * from "./template-path";
export * from "./template-references";
export * from "./template-resolver";
export * from "./test-step";
export * from "./trigger-schema";
export * from "./validate-flow-for-publish";
export * from "./validate-step-input";
export * from "./webhook-settings";
