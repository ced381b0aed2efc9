// @ledgerflow/connector-http: exactly what other packages import. The runtime knows it only as
// `httpConnector`, one line of its registry.
export { httpConnector } from "./http-connector";
