import { defineConnector } from "@ledgerflow/engine";
import { type NoClient, sendHttpRequest } from "./send-http-request";

/**
 * The HTTP request step (docs/ARCHITECTURE.md §5): a request to any other app's API, safe by
 * default — it never connects to a loopback, private, link-local or cloud metadata address unless
 * HTTP_ALLOW_PRIVATE_NETWORKS=true. This increment has no stored credentials (auth "none"); the
 * vault-backed connection (basic, bearer, API-key header) is to come.
 */
export const httpConnector = defineConnector<NoClient>({
  key: "http",
  title: "HTTP",
  auth: { kind: "none" },
  actions: [sendHttpRequest],
  triggers: [],
  optionLoaders: {},
});
