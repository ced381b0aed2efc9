import { defineConnector } from "@ledgerflow/engine";
import { checkHttpAuth, createHttpClient, type HttpClient, httpAuthFields } from "./http-auth";
import { sendHttpRequest } from "./send-http-request";

/**
 * The HTTP request step (docs/ARCHITECTURE.md §5): a request to any other app's API, safe by
 * default — it never connects to a loopback, private, link-local or cloud metadata address unless
 * HTTP_ALLOW_PRIVATE_NETWORKS=true. A step may name an HTTP connection (Basic, bearer token or an
 * API key header, kept in the vault) whose credentials it sends; without one it sends none.
 */
export const httpConnector = defineConnector<HttpClient>({
  key: "http",
  title: "HTTP",
  auth: { kind: "secret", accountNoun: "HTTP connection", fields: httpAuthFields, check: checkHttpAuth },
  actions: [sendHttpRequest],
  triggers: [],
  optionLoaders: {},
  createClient: createHttpClient,
});
