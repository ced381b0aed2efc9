// "Send an HTTP request": the step that reaches any other app's API — "tell the CRM the invoice
// number". One declaration is the editor's form, the switch-on check and the typed input of `run`.
// Credentials come from the step's HTTP connection, if it names one (http-auth.ts): they override a
// header of the same name typed into the step, and never appear in its input or output.
import { defineAction, field, type InputCheckProblem, type InputOf } from "@ledgerflow/engine";
import type { HttpAuth, HttpClient } from "./http-auth";
import { allowPrivateNetworks } from "./http-env";
import { exchange, type PlannedRequest } from "./network/exchange";
import { type HttpResponseOutput, responseOutput } from "./response-output";
import { responseStepError } from "./response-step-error";

export const MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
export const MAX_REDIRECTS = 5;
export const DEFAULT_TIMEOUT_SECONDS = 30;
export const MAX_TIMEOUT_SECONDS = 120;

const METHODS = [
  { value: "GET", label: "GET" },
  { value: "POST", label: "POST" },
  { value: "PUT", label: "PUT" },
  { value: "PATCH", label: "PATCH" },
  { value: "DELETE", label: "DELETE" },
] as const;

const BODY_TYPES = [
  { value: "none", label: "No body" },
  { value: "json", label: "JSON" },
  { value: "form", label: "Form (URL-encoded)" },
  { value: "text", label: "Raw text" },
] as const;

const pair = (what: string) => ({
  name: field.text({ label: "Name", required: true, placeholder: what === "header" ? "X-Api-Key" : "status" }),
  value: field.text({ label: "Value", verbatim: true }),
});

const fields = {
  method: field.select({ label: "Method", required: true, default: "GET", options: { static: METHODS } }),
  url: field.text({
    label: "URL",
    required: true,
    placeholder: "https://api.example.com/orders",
    help: "An http:// or https:// address on the internet. Map values into it, e.g. …/orders/{{trigger.body.id}}.",
  }),
  query: field.list({
    label: "Query parameters",
    help: "Added to the URL's own, each encoded as a URL needs it.",
    item: pair("query"),
  }),
  headers: field.list({
    label: "Headers",
    help: "Sent as given, e.g. Authorization or X-Api-Key.",
    item: pair("header"),
  }),
  bodyType: field.select({ label: "Body type", default: "none", options: { static: BODY_TYPES } }),
  body: field.longText({
    label: "Body",
    verbatim: true,
    placeholder: '{"invoice": "{{trigger.body.order_id}}"}',
    help: "For a JSON or raw text body: what is sent. JSON must be valid once the values are mapped in.",
    requiredWhen: { field: "bodyType", equals: "json" },
  }),
  form: field.list({
    label: "Form fields",
    help: "For a form body: the fields sent as application/x-www-form-urlencoded.",
    item: pair("form"),
  }),
  timeoutSeconds: field.number({
    label: "Timeout (seconds)",
    default: DEFAULT_TIMEOUT_SECONDS,
    positive: true,
    help: `How long to wait for the whole answer, redirects included: at most ${MAX_TIMEOUT_SECONDS} seconds.`,
  }),
  continueOnError: field.boolean({
    label: "Continue on error",
    default: false,
    help: "Go on with any answer — 404 or 500 too — as the step's result, its status in `status`, instead of failing the step.",
  }),
  sendIdempotencyKey: field.boolean({
    label: "Send an Idempotency-Key header",
    default: false,
    help: "The same key for every retry of this step in one run, so a service that honours it does not act twice.",
  }),
};

type HttpRequestInput = InputOf<typeof fields>;

/** HTTP's token characters (RFC 9110): what a header name may be made of. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Set by the step itself from the body and the URL; a typed one would contradict them. */
const RESERVED_HEADERS = new Set(["host", "content-length", "transfer-encoding", "connection"]);
const ALLOWED_SCHEMES = new Set(["http:", "https:"]);

function readUrl(text: string): { url: URL } | { problem: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: `"${text}" is not a URL: give a full address like https://api.example.com/orders` };
  }
  if (!ALLOWED_SCHEMES.has(url.protocol)) {
    return { problem: `must be an http:// or https:// URL, not ${url.protocol}` };
  }
  if (url.username || url.password) {
    return { problem: "must not contain a user name or password: send credentials in a header" };
  }
  return { url };
}

function check(input: HttpRequestInput): InputCheckProblem<keyof HttpRequestInput & string>[] {
  const problems: InputCheckProblem<keyof HttpRequestInput & string>[] = [];
  const url = readUrl(input.url);
  if ("problem" in url) problems.push({ field: "url", message: url.problem });
  if (input.timeoutSeconds > MAX_TIMEOUT_SECONDS) {
    problems.push({ field: "timeoutSeconds", message: `must be at most ${MAX_TIMEOUT_SECONDS} seconds` });
  }
  for (const header of input.headers ?? []) {
    if (!HEADER_NAME.test(header.name)) {
      problems.push({
        field: "headers",
        message: `"${header.name}" is not a header name (letters, digits and - only)`,
      });
    } else if (RESERVED_HEADERS.has(header.name.toLowerCase())) {
      problems.push({ field: "headers", message: `${header.name} is set by the step itself: leave it out` });
    }
    if (/[\r\n\0]/.test(String(header.value ?? ""))) {
      problems.push({ field: "headers", message: `the value of ${header.name} must be one line` });
    }
  }
  if (input.bodyType === "json" && input.body !== undefined) {
    try {
      JSON.parse(String(input.body));
    } catch (error) {
      problems.push({ field: "body", message: `is not valid JSON: ${(error as Error).message}` });
    }
  }
  return problems;
}

const CONTENT_TYPES = {
  json: "application/json; charset=utf-8",
  form: "application/x-www-form-urlencoded",
  text: "text/plain; charset=utf-8",
} as const;

/** The request the input describes: the URL with its query, lower-case headers, the encoded body. */
export function planRequest(input: HttpRequestInput, idempotencyKey?: string, auth?: HttpAuth): PlannedRequest {
  const url = new URL(input.url);
  for (const parameter of input.query ?? []) url.searchParams.append(parameter.name, String(parameter.value ?? ""));
  // No prototype: a header named "__proto__" is one more header, nothing else.
  const given: Record<string, string> = Object.create(null);
  for (const header of input.headers ?? []) {
    const name = header.name.toLowerCase();
    const value = String(header.value ?? "");
    // A header given twice is sent with both values, as HTTP allows.
    given[name] = Object.hasOwn(given, name) ? `${given[name]}, ${value}` : value;
  }
  const headers: Record<string, string> = Object.assign(Object.create(null), {
    accept: "*/*",
    "user-agent": "Ledgerflow",
    ...given,
  });
  if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
  Object.assign(headers, auth?.headers);

  let body: Buffer | undefined;
  if (input.bodyType === "form") {
    const form = new URLSearchParams();
    for (const entry of input.form ?? []) form.append(entry.name, String(entry.value ?? ""));
    body = Buffer.from(form.toString());
  } else if (input.bodyType === "json" || input.bodyType === "text") {
    body = Buffer.from(String(input.body ?? ""));
  }
  if (body !== undefined && input.bodyType !== "none") {
    headers["content-type"] ??= CONTENT_TYPES[input.bodyType];
    headers["content-length"] = String(body.length);
  }
  const credentialHeaders = auth ? Object.keys(auth.headers) : undefined;
  return {
    url,
    method: input.method,
    headers,
    ...(body ? { body } : {}),
    ...(credentialHeaders ? { credentialHeaders } : {}),
  };
}

const outputSample: HttpResponseOutput = {
  status: 200,
  statusText: "OK",
  ok: true,
  url: "https://api.example.com/orders/1042",
  headers: { "content-type": "application/json" },
  body: { id: 1042, status: "paid" },
};

export const sendHttpRequest = defineAction<HttpClient, typeof fields, HttpResponseOutput>({
  key: "http.request",
  kind: "action",
  group: "HTTP",
  title: "Send an HTTP request",
  description: "Call another app's API: GET, POST, PUT, PATCH or DELETE, with its answer as the result.",
  // A connection is optional: a public API needs none, and the step then gets no client.
  // A POST, PUT, PATCH or DELETE may change something in the other app: Test, Run now and Re-run
  // ask first. A GET, HEAD or OPTIONS only reads (as HTTP defines them safe), so they do not ask.
  writes: { noun: "HTTP request", verb: "creates", unless: { field: "method", in: ["GET", "HEAD", "OPTIONS"] } },
  needsConnection: false,
  fields,
  check,
  outputSample,
  run: async (ctx, input) => {
    const planned = planRequest(input, input.sendIdempotencyKey ? ctx.idempotencyKey : undefined, ctx.client);
    const { response, url } = await exchange(planned, {
      allowPrivate: allowPrivateNetworks(),
      timeoutMs: input.timeoutSeconds * 1000,
      maxBytes: MAX_RESPONSE_BYTES,
      maxRedirects: MAX_REDIRECTS,
      signal: ctx.signal,
    });
    const output = responseOutput(response, url);
    if (!output.ok && !input.continueOnError) throw responseStepError(output);
    return output;
  },
});
