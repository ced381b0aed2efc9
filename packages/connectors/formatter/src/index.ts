// @ledgerflow/connector-formatter: exactly what other packages import. The runtime knows it only
// as `formatterConnector`, one line of its registry.
export { formatterConnector } from "./formatter-connector";
