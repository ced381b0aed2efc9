// An HTTP connection: how requests to one service are authorised — a user name and password
// (Basic), a bearer token, or an API key in a header of the service's choosing. The values are typed
// once on the Connections page and kept in the vault; a step that names the connection sends them,
// and no step's input, output or run history ever holds them.
import {
  type ClientRequest,
  field,
  fieldSpecs,
  type InputCheckProblem,
  StepError,
  validateStepInput,
} from "@ledgerflow/engine";

const TYPES = [
  { value: "basic", label: "User name and password (Basic)" },
  { value: "bearer", label: "Bearer token" },
  { value: "header", label: "API key in a header" },
] as const;

export const httpAuthFields = fieldSpecs({
  type: field.select({ label: "Authorisation", required: true, default: "bearer", options: { static: TYPES } }),
  username: field.text({ label: "User name", requiredWhen: { field: "type", equals: "basic" } }),
  password: field.text({
    label: "Password",
    secret: true,
    verbatim: true,
    requiredWhen: { field: "type", equals: "basic" },
  }),
  token: field.text({ label: "Token", secret: true, requiredWhen: { field: "type", equals: "bearer" } }),
  headerName: field.text({
    label: "Header name",
    placeholder: "X-Api-Key",
    requiredWhen: { field: "type", equals: "header" },
  }),
  headerValue: field.text({ label: "API key", secret: true, requiredWhen: { field: "type", equals: "header" } }),
});

/** What a step with a connection sends: its headers, named so redirects elsewhere drop them. */
export interface HttpAuth {
  /** Lower-case names. */
  headers: Record<string, string>;
}

/** The client of an HTTP step: its connection's authorisation, or none. */
export type HttpClient = HttpAuth | undefined;

const HEADER_NAME = /^[A-Za-z0-9-]+$/;
/** Headers the step sets itself, or that would change what the request is rather than who sends it. */
const RESERVED_HEADERS = new Set([
  "host",
  "content-length",
  "content-type",
  "transfer-encoding",
  "connection",
  "idempotency-key",
]);

/** What the Connections page refuses before saving: a header that is not one, a value of two lines. */
export function checkHttpAuth(values: Record<string, unknown>): InputCheckProblem[] {
  const problems: InputCheckProblem[] = [];
  if (values.type === "header") {
    const name = String(values.headerName ?? "");
    if (!HEADER_NAME.test(name)) {
      problems.push({ field: "headerName", message: `"${name}" is not a header name (letters, digits and - only)` });
    } else if (RESERVED_HEADERS.has(name.toLowerCase())) {
      problems.push({
        field: "headerName",
        message: `${name} is set by the request itself: choose the service's own header`,
      });
    }
  }
  for (const name of ["username", "password", "token", "headerValue"]) {
    if (/[\r\n\0]/.test(String(values[name] ?? ""))) problems.push({ field: name, message: "must be one line" });
  }
  if (values.type === "basic" && String(values.username ?? "").includes(":")) {
    problems.push({ field: "username", message: "cannot contain a colon (Basic authorisation separates with one)" });
  }
  return problems;
}

export async function createHttpClient(request: ClientRequest): Promise<HttpAuth> {
  const parsed = validateStepInput(await request.readSecret(), httpAuthFields, [], checkHttpAuth);
  if (!parsed.ok) {
    throw new StepError(
      "The HTTP connection's saved credentials cannot be read: save them again on the Connections page.",
      {
        code: "invalid_input",
        field: "connectionId",
      },
    );
  }
  const values = parsed.input as Record<string, string | undefined>;
  switch (values.type) {
    case "basic": {
      const pair = Buffer.from(`${values.username ?? ""}:${values.password ?? ""}`).toString("base64");
      return { headers: { authorization: `Basic ${pair}` } };
    }
    case "header":
      return { headers: { [String(values.headerName).toLowerCase()]: String(values.headerValue ?? "") } };
    default:
      return { headers: { authorization: `Bearer ${values.token ?? ""}` } };
  }
}
