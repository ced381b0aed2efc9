export * from "./action-definition";
export * from "./flow-definition";
export * from "./mapping-schema";
export * from "./template-path";
export * from "./template-resolver";
export * from "./trigger-schema";
