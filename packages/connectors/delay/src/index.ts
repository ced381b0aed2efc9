// @ledgerflow/connector-delay: exactly what other packages import. The runtime knows it only as
// `delayConnector`, one line of its registry.
export { delayConnector } from "./delay-connector";
