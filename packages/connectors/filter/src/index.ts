// @ledgerflow/connector-filter: exactly what other packages import. The runtime knows it only as
// `filterConnector`, one line of its registry.
export { filterConnector } from "./filter-connector";
