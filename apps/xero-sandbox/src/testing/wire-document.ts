import type { XeroCallResult } from "./xero-call";

/** What the tests read of any line-item document on the wire (PascalCase, as Xero sends it). */
export interface WireDocument {
  Status: string;
  Date: string;
  Contact: { ContactID: string; Name: string };
  LineItems: Record<string, unknown>[];
  SubTotal: number;
  TotalTax: number;
  Total: number;
  UpdatedDateUTC: string;
}

/** The elements an answer holds under `key` (e.g. `Quotes`): saved, read or failed ones. */
export function elementsOf<T>(data: unknown, key: string): T[] {
  return (data as Record<string, T[] | undefined>)[key] ?? [];
}

/** The first element a call answered under `key`, once it is sure the call answered 200. */
export async function firstElement<T>(call: Promise<XeroCallResult<unknown>>, key: string): Promise<T> {
  const result = await call;
  if (result.status !== 200) throw new Error(`Expected 200, got ${result.status}: ${JSON.stringify(result.data)}`);
  const [first] = elementsOf<T>(result.data, key);
  if (!first) throw new Error(`No ${key} in ${JSON.stringify(result.data)}`);
  return first;
}
