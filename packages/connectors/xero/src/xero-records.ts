import type { FieldSpec } from "@ledgerflow/engine";
import type { XeroBody } from "./call-xero";
import { xeroStepError } from "./errors/xero-step-error";

/** One Xero object as Xero sends it (PascalCase keys). */
export type XeroRecord = Record<string, unknown>;

/** Bookkeeping flags Xero adds to every saved object; noise in a step's output once they are empty. */
const NOISE_KEYS = ["ValidationErrors", "Warnings", "StatusAttributeString", "HasErrors", "HasValidationErrors"];

function isEmptyNoise(value: unknown): boolean {
  return value === false || value === null || (Array.isArray(value) && value.length === 0);
}

export function withoutNoise(record: XeroRecord): XeroRecord {
  return Object.fromEntries(
    Object.entries(record).filter(([key, value]) => !(NOISE_KEYS.includes(key) && isEmptyNoise(value))),
  );
}

/** The objects of a list answer (`{ Contacts: [...] }` → the contacts). */
export function recordsOf(body: XeroBody, collection: string): XeroRecord[] {
  const list = body[collection];
  return Array.isArray(list) ? (list as XeroRecord[]) : [];
}

/**
 * The object a write saved. Xero can answer 200 and still attach `ValidationErrors` to an element
 * (when errors are not summarised): that is a failed write, reported like a 400.
 */
export function savedRecord(
  body: XeroBody,
  collection: string,
  context: { operation: string; fields?: FieldSpec[]; input?: Record<string, unknown> },
): XeroRecord {
  const [record] = recordsOf(body, collection);
  if (!record) return {};
  const errors = record.ValidationErrors;
  if (Array.isArray(errors) && errors.length > 0) {
    throw xeroStepError({ status: 400, body: { Elements: [record] }, headers: {} }, context);
  }
  return withoutNoise(record);
}
