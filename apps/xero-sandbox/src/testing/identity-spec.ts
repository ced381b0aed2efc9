import { readFileSync } from "node:fs";
import OpenAPIResponseValidator from "openapi-response-validator";
import { parse } from "yaml";

// Validates /connections bodies against Xero's official identity spec (xero-identity.yaml), with
// additional properties refused so a field the spec does not know fails the test.

const SPEC_FILE = new URL("../../openapi/xero-identity.yaml", import.meta.url);

interface IdentitySpec {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, { properties?: object; additionalProperties?: boolean }> };
}

function loadSpec(): IdentitySpec {
  const spec = parse(readFileSync(SPEC_FILE, "utf8")) as IdentitySpec;
  for (const schema of Object.values(spec.components.schemas)) {
    if (schema.properties) schema.additionalProperties = false;
  }
  return spec;
}

const spec = loadSpec();
const connectionsValidator = new OpenAPIResponseValidator({
  responses: spec.paths["/Connections"]!.get!.responses,
  components: spec.components,
} as ConstructorParameters<typeof OpenAPIResponseValidator>[0]);

/** The validator's errors for a `GET /connections` 200 body; empty when the body matches the spec. */
export function connectionsBodyErrors(body: unknown): unknown[] {
  return connectionsValidator.validateResponse(200, body)?.errors ?? [];
}
