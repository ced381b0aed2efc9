import type { EventIdSource, SignatureScheme } from "@ledgerflow/engine";

// The choices of the webhook trigger panel, in the words of the senders our users connect most.

export interface EventIdChoice {
  value: string;
  label: string;
  /** Fixed choices carry their source; "header" and "body" take a name the user types. */
  source?: EventIdSource;
}

export const eventIdChoices: EventIdChoice[] = [
  {
    value: "idempotency-key",
    label: "Idempotency-Key header (most senders)",
    source: { from: "header", header: "idempotency-key" },
  },
  {
    value: "shopify",
    label: "Shopify: X-Shopify-Webhook-Id header",
    source: { from: "header", header: "x-shopify-webhook-id" },
  },
  {
    value: "github",
    label: "GitHub: X-GitHub-Delivery header",
    source: { from: "header", header: "x-github-delivery" },
  },
  { value: "stripe", label: "Stripe: the event's id (body field id)", source: { from: "body", path: "id" } },
  { value: "header", label: "Another header…" },
  { value: "body", label: "A field of the body…" },
  { value: "none", label: "None: every request is a new event", source: { from: "none" } },
];

/** The choice that shows `source`: a fixed one when it matches, else the free header or body field. */
export function eventIdChoiceOf(source: EventIdSource): string {
  const fixed = eventIdChoices.find((choice) => JSON.stringify(choice.source) === JSON.stringify(source));
  return fixed?.value ?? source.from;
}

export const signatureChoices: { value: SignatureScheme["scheme"]; label: string }[] = [
  { value: "ledgerflow", label: "Ledgerflow (X-Ledgerflow-Signature)" },
  { value: "shopify", label: "Shopify (X-Shopify-Hmac-Sha256)" },
  { value: "stripe", label: "Stripe (Stripe-Signature)" },
  { value: "github", label: "GitHub (X-Hub-Signature-256)" },
  { value: "generic", label: "Another sender (choose header, algorithm, encoding)" },
];

/** How a sender signs in each format: shown under the secret. */
export const signatureInstructions: Record<SignatureScheme["scheme"], { text: string; example?: string }> = {
  ledgerflow: {
    text: "Sign each request with this secret: the HMAC-SHA256 of the timestamp, a dot and the raw body, as hex, with the Unix time you signed at. Requests signed more than 5 minutes away from our clock are refused, so a captured request cannot be replayed later. Senders that cannot sign a timestamp may send sha256=<hex HMAC-SHA256 of the raw body> instead, without that protection.",
    example: `t = unix_time_now()
x-ledgerflow-signature: t=<t>,v1=hex(hmac_sha256(secret, t + "." + raw_body))
# or, without a timestamp:
x-ledgerflow-signature: sha256=hex(hmac_sha256(secret, raw_body))`,
  },
  shopify: {
    text: "Shopify signs every webhook with your app's client secret (Settings → Apps → your app → API credentials). Paste that secret below; we check X-Shopify-Hmac-Sha256 against the raw body.",
  },
  stripe: {
    text: "Stripe signs every event with the endpoint's signing secret (whsec_…, under Developers → Webhooks → your endpoint). Paste it below; we check Stripe-Signature, and refuse events signed more than 5 minutes away from our clock.",
  },
  github: {
    text: "In the repository or organisation's webhook settings, paste this secret into “Secret” (or paste GitHub's below); we check X-Hub-Signature-256.",
  },
  generic: {
    text: "For a sender that signs the raw body with an HMAC: name its header, algorithm and encoding, and any text before the signature (such as sha256=).",
  },
};
