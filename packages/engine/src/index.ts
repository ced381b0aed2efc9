export * from "./action-definition";
