import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { OpenAPIResponseValidatorError } from "openapi-response-validator";
import { parse } from "yaml";
import { z } from "zod";
import { CUSTOM_FORMATS, GUID, OpenAPIResponseValidator } from "./openapi-validator";

// Validates Accounting API response bodies against Xero's official OpenAPI spec with a real
// OpenAPI validator (openapi-response-validator, on ajv). The spec's schemas never forbid unknown
// properties, so every object schema is made strict here: a body with a field the spec does not
// define fails, as does one missing a required field. Statuses the spec does not describe (401,
// 403, 404, 429, 5xx) are checked against the shapes Xero is observed to send (see the spec README).

const SPEC_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../openapi/xero_accounting.yaml");

/** `Element` echoes the submitted object back with its errors (the spec's own examples do), so it stays open. */
const OPEN_SCHEMAS = new Set(["Element"]);

type JsonObject = Record<string, unknown>;

interface Spec {
  paths: Record<string, Record<string, { operationId?: string; responses?: Record<string, JsonObject> }>>;
  components: { schemas: Record<string, JsonObject>; responses: Record<string, JsonObject> };
}

/**
 * Forbids unknown properties on every object schema (unless `open`), and drops `default`s: the
 * validator runs ajv with `useDefaults`, which would otherwise write defaults into the body under
 * test (hiding a missing field, and some of the spec's defaults do not even match their type).
 */
function prepareSchema(schema: unknown, open: boolean): void {
  if (Array.isArray(schema)) {
    for (const item of schema) prepareSchema(item, open);
    return;
  }
  if (!schema || typeof schema !== "object") return;
  const object = schema as JsonObject;
  // A property that happens to be called "default" is a schema (an object); a default value is not.
  const value = object.default;
  if ("default" in object && !(value && typeof value === "object" && ("type" in value || "$ref" in value))) {
    delete object.default;
  }
  if (!open && object.properties && object.additionalProperties === undefined) object.additionalProperties = false;
  for (const value of Object.values(object)) prepareSchema(value, open);
}

/**
 * Parsing the 900 KB YAML takes seconds (many more on a busy machine, in every test process), so
 * the parsed spec is cached as JSON in the temp directory, keyed by the YAML's content hash.
 */
function readSpecFile(file: string): Spec {
  const text = readFileSync(file, "utf8");
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
  const cached = path.join(tmpdir(), `ledgerflow-xero-accounting-spec-${hash}.json`);
  if (existsSync(cached)) return JSON.parse(readFileSync(cached, "utf8")) as Spec;
  const parsed = parse(text) as Spec;
  // Write-then-rename, so a parallel test process never reads half a file.
  const partial = `${cached}.${process.pid}.tmp`;
  writeFileSync(partial, JSON.stringify(parsed));
  renameSync(partial, cached);
  return parsed;
}

let spec: Spec | undefined;
function loadSpec(): Spec {
  if (!spec) {
    spec = readSpecFile(process.env.XERO_ACCOUNTING_SPEC ?? SPEC_FILE);
    for (const [name, schema] of Object.entries(spec.components.schemas)) prepareSchema(schema, OPEN_SCHEMAS.has(name));
  }
  return spec;
}

/** Loads the spec now (call it from a `beforeAll`, whose timeout is longer than a test's). */
export function loadXeroAccountingSpec(): void {
  loadSpec();
}

const validators = new Map<string, OpenAPIResponseValidator>();

/** The operation's documented responses by status, with `$ref`s to shared responses (e.g. `400Error`) resolved. */
function documentedResponses(operationId: string): Record<string, JsonObject> {
  const { paths, components } = loadSpec();
  const operation = Object.values(paths)
    .flatMap((methods) => Object.values(methods))
    .find((candidate) => candidate.operationId === operationId);
  if (!operation?.responses) throw new Error(`The Xero accounting spec has no operation "${operationId}"`);
  return Object.fromEntries(
    Object.entries(operation.responses).map(([status, response]) => {
      const ref = typeof response.$ref === "string" ? response.$ref.split("/").pop()! : undefined;
      return [status, ref ? components.responses[ref]! : response];
    }),
  );
}

/**
 * The responses to validate a status against. Xero answers a bad request (e.g. an unparsable
 * `where`) with the spec's `Error` body even on operations whose spec lists no 400.
 */
function responsesToCheck(operationId: string): Record<string, JsonObject> {
  const documented = documentedResponses(operationId);
  return "400" in documented ? documented : { ...documented, "400": loadSpec().components.responses["400Error"]! };
}

/**
 * Only the component schemas the responses reach: ajv walks the whole root schema it is given, and
 * the spec has hundreds of schemas an operation never uses.
 */
function reachableSchemas(responses: object): Record<string, JsonObject> {
  const all = loadSpec().components.schemas;
  const reached: Record<string, JsonObject> = {};
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
    } else if (node && typeof node === "object") {
      const ref = (node as JsonObject).$ref;
      if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
        const name = ref.slice("#/components/schemas/".length);
        if (!reached[name] && all[name]) {
          reached[name] = all[name];
          visit(all[name]);
        }
      }
      for (const value of Object.values(node)) visit(value);
    }
  };
  visit(responses);
  return reached;
}

function validatorFor(operationId: string): OpenAPIResponseValidator {
  const cached = validators.get(operationId);
  if (cached) return cached;
  const responses = responsesToCheck(operationId);
  const validator = new OpenAPIResponseValidator({
    responses: responses as never,
    components: { schemas: reachableSchemas(responses) } as never,
    customFormats: CUSTOM_FORMATS,
    // Name the offending property: "must NOT have additional properties 'Foo'".
    errorTransformer: (error: OpenAPIResponseValidatorError, ajvError: { params: object }) => {
      const property = (ajvError.params as { additionalProperty?: string }).additionalProperty;
      return { ...error, message: property ? `${error.message} '${property}'` : error.message };
    },
  });
  validators.set(operationId, validator);
  return validator;
}

const problemSchema = z.strictObject({
  Type: z.null(),
  Title: z.string(),
  Status: z.number().int(),
  Detail: z.string(),
  Instance: z.string().regex(GUID),
  Extensions: z.strictObject({}),
});

/** The problems with one response body; empty when it is valid. */
export function xeroResponseProblems(operationId: string, status: number, body: unknown): string[] {
  if (status === 404) {
    return body === "The resource you're looking for cannot be found"
      ? []
      : [`404 body is not Xero's text: ${JSON.stringify(body)}`];
  }
  if (!(String(status) in responsesToCheck(operationId))) {
    const parsed = problemSchema.safeParse(body);
    if (!parsed.success) return parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    return parsed.data.Status === status ? [] : [`problem Status ${parsed.data.Status} differs from HTTP ${status}`];
  }
  const documented = responsesToCheck(operationId)[String(status)];
  // A response the spec marks empty (`x-isEmpty`, DELETE's 204) has no body: HTTP clients read "".
  if (documented?.["x-isEmpty"] === true) return body === "" || body === undefined ? [] : ["body is not empty"];
  const result = validatorFor(operationId).validateResponse(status, body);
  return ((result?.errors ?? []) as OpenAPIResponseValidatorError[]).map(
    (error) => `${error.path || "(body)"}: ${error.message}`,
  );
}

/**
 * Throws unless `body` is what Xero's spec allows for `operationId` (e.g. `getContacts`) at
 * `status`: no field the spec does not define, every required field present, every type and enum right.
 */
export function expectValidXeroResponse(operationId: string, status: number, body: unknown): void {
  const problems = xeroResponseProblems(operationId, status, body);
  if (problems.length > 0) {
    throw new Error(`${operationId} ${status} response does not match Xero's spec:\n  ${problems.join("\n  ")}`);
  }
}
