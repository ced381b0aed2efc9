// A webhook trigger's settings (docs/ARCHITECTURE.md §6, §7): where the sender puts each event's own id (so a
// retried delivery runs once) and how it signs its requests. They live on the Flow row beside the
// URL token and signing secret — not in the definition — because ingress, the hottest path, reads
// them in its one flow lookup, and because changing them needs no "Publish changes".
import { z } from "zod";
import { refineStorable } from "./storable-json";

/** Longest event id we key on (Stripe's Idempotency-Key allows 255); a longer one is refused with 400. */
export const MAX_EVENT_ID_LENGTH = 255;
/** How far a signed timestamp may be from our clock, either way (Stripe's default tolerance). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const headerNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9!#$%&'*+.^_`|~-]{1,100}$/, "Enter a header name such as Idempotency-Key");

/** A field of the JSON body, e.g. `id` or `data.object.id` (dots between keys; digits index lists). */
const bodyPathSchema = z
  .string()
  .trim()
  .regex(/^[\w$@:-]+(\.[\w$@:-]+){0,19}$/, "Enter a body field such as id or data.object.id");

export const eventIdSourceSchema = z.discriminatedUnion("from", [
  z.object({ from: z.literal("none") }),
  z.object({ from: z.literal("header"), header: headerNameSchema }),
  z.object({ from: z.literal("body"), path: bodyPathSchema }),
]);

export const signatureSchemeSchema = z.discriminatedUnion("scheme", [
  /** `X-Ledgerflow-Signature`: `t=<unix seconds>,v1=<hex>` over `<t>.<body>`, or `sha256=<hex>` over the body. */
  z.object({ scheme: z.literal("ledgerflow") }),
  /** `X-Shopify-Hmac-Sha256`: base64 HMAC-SHA256 of the body. */
  z.object({ scheme: z.literal("shopify") }),
  /** `Stripe-Signature`: `t=<unix seconds>,v1=<hex>[,v1=…]` over `<t>.<body>`. */
  z.object({ scheme: z.literal("stripe") }),
  /** `X-Hub-Signature-256`: `sha256=<hex>` over the body. */
  z.object({ scheme: z.literal("github") }),
  /** Any other sender that signs the raw body: its header, HMAC algorithm, encoding and prefix. */
  z.object({
    scheme: z.literal("generic"),
    header: headerNameSchema,
    algorithm: z.enum(["sha256", "sha512", "sha1"]),
    encoding: z.enum(["hex", "base64"]),
    prefix: z.string().max(40, "Keep the prefix under 40 characters").superRefine(refineStorable()),
  }),
]);

export const webhookSettingsSchema = z.object({
  eventId: eventIdSourceSchema,
  /** A repeat of an event id within this many days is a duplicate; after it, a new event. */
  dedupWindowDays: z
    .number()
    .int("Use a whole number of days")
    .min(1, "Keep event ids for at least a day")
    .max(30, "Keep event ids for at most 30 days"),
  signature: signatureSchemeSchema,
});

export type EventIdSource = z.output<typeof eventIdSourceSchema>;
export type SignatureScheme = z.output<typeof signatureSchemeSchema>;
export type WebhookSettings = z.output<typeof webhookSettingsSchema>;

/** What a flow starts with (and what a stored null means): Idempotency-Key honoured, 7 days, our signature. */
export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
  eventId: { from: "header", header: "idempotency-key" },
  dedupWindowDays: 7,
  signature: { scheme: "ledgerflow" },
};

/**
 * The stored settings, or the defaults. Stored values were validated when saved; a row that no
 * longer parses (written by a newer version) falls back to the defaults rather than refusing events.
 */
export function readWebhookSettings(stored: unknown): WebhookSettings {
  if (stored === null || stored === undefined) return DEFAULT_WEBHOOK_SETTINGS;
  const parsed = webhookSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_WEBHOOK_SETTINGS;
}

/** The header each scheme reads, as senders spell it (401 messages name it). */
export function signatureHeaderOf(signature: SignatureScheme): string {
  switch (signature.scheme) {
    case "ledgerflow":
      return "X-Ledgerflow-Signature";
    case "shopify":
      return "X-Shopify-Hmac-Sha256";
    case "stripe":
      return "Stripe-Signature";
    case "github":
      return "X-Hub-Signature-256";
    case "generic":
      return signature.header;
  }
}
