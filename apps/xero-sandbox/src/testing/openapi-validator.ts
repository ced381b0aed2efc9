import openapiResponseValidator from "openapi-response-validator";

// What the two spec validators (Accounting API responses, webhook payloads) share: the validator
// class and the formats Xero's specs use.

// A CommonJS module with `exports.default`: Node's ESM loader hands over the whole module object.
export const OpenAPIResponseValidator =
  (openapiResponseValidator as unknown as { default?: typeof openapiResponseValidator }).default ??
  openapiResponseValidator;
export type OpenAPIResponseValidator = InstanceType<typeof OpenAPIResponseValidator>;

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Xero writes UTC date-times without a zone (`2025-12-02T00:44:09.923`), which RFC 3339 would
 * refuse, so a date-time is anything `Date.parse` reads.
 */
export const CUSTOM_FORMATS = {
  uuid: (value: string) => GUID.test(value),
  "date-time": (value: string) => !Number.isNaN(Date.parse(value)),
  uri: (value: string) => URL.canParse(value),
  double: () => true,
  int32: () => true,
  int64: () => true,
  byte: () => true,
};
