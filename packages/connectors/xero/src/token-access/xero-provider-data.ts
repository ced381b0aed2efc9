import { z } from "zod";

/**
 * What the Xero connector keeps in a Connection's `providerData` (the core stores it, never reads
 * it). Both fields are optional: rows connected before Xero's connection id was stored have none,
 * and a row written by hand or by tests may hold `{}`.
 */
export const xeroProviderDataSchema = z.object({
  /** Xero's kind of tenant ("ORGANISATION"); kept because Xero reports it, read by nobody yet. */
  tenantType: z.string().optional(),
  /** Xero's id of the tenant connection: disconnecting one organisation is DELETE /connections/{id}. */
  connectionId: z.string().optional(),
});

export type XeroProviderData = z.infer<typeof xeroProviderDataSchema>;

/**
 * A row's providerData as the Xero connector reads it. Unreadable data counts as empty rather than
 * failing: the only reader is disconnect, which then skips Xero's per-organisation DELETE (as it did
 * for rows without a connection id) and still forgets the tokens.
 */
export function readXeroProviderData(providerData: unknown): XeroProviderData {
  const parsed = xeroProviderDataSchema.safeParse(providerData);
  return parsed.success ? parsed.data : {};
}
