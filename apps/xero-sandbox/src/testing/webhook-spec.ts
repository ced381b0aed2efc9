import { readFileSync } from "node:fs";
import type { OpenAPIResponseValidatorError } from "openapi-response-validator";
import { parse } from "yaml";
import { z } from "zod";
import { CUSTOM_FORMATS, OpenAPIResponseValidator } from "./openapi-validator";

// Checks webhook bodies against Xero's official webhooks spec (openapi/xero-webhooks.yaml): the
// batch as `WebhookEvent`, each credit-note event as `CreditNoteWebhookEvent` (which adds its
// `data`). The spec leaves its objects open, and closing them in place would break its `allOf`,
// so fields the spec does not define are refused by a separate check on the spec's own
// property lists.

type JsonObject = Record<string, unknown>;
type Properties = { properties: Record<string, JsonObject> };

interface WebhooksSpec {
  components: {
    schemas: {
      WebhookEvent: Properties & { properties: { events: { items: Properties } } };
      CreditNoteWebhookEvent: {
        allOf: [unknown, { properties: { events: { items: { allOf: [unknown, Properties] } } } }];
      };
    };
  };
}

interface Loaded {
  batch: OpenAPIResponseValidator;
  creditNote: OpenAPIResponseValidator;
  payloadFields: Set<string>;
  eventFields: Set<string>;
  dataFields: Set<string>;
}

const SPEC_FILE = new URL("../../openapi/xero-webhooks.yaml", import.meta.url);

function validatorFor(spec: WebhooksSpec, schema: string): OpenAPIResponseValidator {
  return new OpenAPIResponseValidator({
    responses: {
      200: {
        description: schema,
        content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } },
      },
    },
    components: spec.components,
    customFormats: CUSTOM_FORMATS,
  } as unknown as ConstructorParameters<typeof OpenAPIResponseValidator>[0]);
}

let loaded: Loaded | undefined;
function load(): Loaded {
  if (loaded) return loaded;
  const spec = parse(readFileSync(SPEC_FILE, "utf8")) as WebhooksSpec;
  const { WebhookEvent, CreditNoteWebhookEvent } = spec.components.schemas;
  const creditNoteEvent = CreditNoteWebhookEvent.allOf[1].properties.events.items.allOf[1];
  loaded = {
    batch: validatorFor(spec, "WebhookEvent"),
    creditNote: validatorFor(spec, "CreditNoteWebhookEvent"),
    payloadFields: new Set(Object.keys(WebhookEvent.properties)),
    eventFields: new Set(Object.keys(WebhookEvent.properties.events.items.properties)),
    dataFields: new Set(Object.keys((creditNoteEvent.properties.data as Properties).properties)),
  };
  return loaded;
}

/**
 * The intent-to-receive probe, as Xero's documentation shows it: no events and sequences of 0,
 * which the spec's `minimum: 1` would refuse.
 */
const probeSchema = z.strictObject({
  events: z.tuple([]),
  firstEventSequence: z.literal(0),
  lastEventSequence: z.literal(0),
  entropy: z.string().min(1),
});

function schemaProblems(validator: OpenAPIResponseValidator, body: unknown, prefix = ""): string[] {
  const errors = (validator.validateResponse(200, structuredClone(body))?.errors ??
    []) as OpenAPIResponseValidatorError[];
  return errors.map((error) => `${prefix}${error.path || "(body)"}: ${error.message}`);
}

function unknownFields(object: unknown, allowed: Set<string>, path: string): string[] {
  if (!object || typeof object !== "object") return [];
  return Object.keys(object)
    .filter((key) => !allowed.has(key))
    .map((key) => `${path || "(body)"}: must NOT have additional properties '${key}'`);
}

/** The problems with one webhook body; empty when Xero's spec allows it. */
export function webhookPayloadProblems(body: unknown): string[] {
  const events = (body as { events?: unknown } | null)?.events;
  if (Array.isArray(events) && events.length === 0) {
    const probe = probeSchema.safeParse(body);
    return probe.success ? [] : probe.error.issues.map((issue) => `${issue.path.join("/")}: ${issue.message}`);
  }
  const spec = load();
  const problems = [...schemaProblems(spec.batch, body), ...unknownFields(body, spec.payloadFields, "")];
  for (const [index, event] of (Array.isArray(events) ? events : []).entries()) {
    const path = `events/${index}`;
    const category = (event as { eventCategory?: unknown } | null)?.eventCategory;
    const allowed = category === "CREDITNOTE" ? new Set([...spec.eventFields, "data"]) : spec.eventFields;
    problems.push(...unknownFields(event, allowed, path));
    if (category !== "CREDITNOTE") continue;
    // The credit-note schema checks every event of a batch; give it this event alone.
    const single = { ...(body as JsonObject), events: [event] };
    problems.push(...schemaProblems(spec.creditNote, single).map((problem) => problem.replace("events/0", path)));
    problems.push(...unknownFields((event as { data?: unknown }).data, spec.dataFields, `${path}/data`));
  }
  return problems;
}

/** Throws unless `body` is a webhook body Xero's spec allows (or Xero's intent-to-receive probe). */
export function expectValidWebhookPayload(body: unknown): void {
  const problems = webhookPayloadProblems(body);
  if (problems.length > 0) {
    throw new Error(`Webhook body does not match Xero's spec:\n  ${problems.join("\n  ")}`);
  }
}
