import { z } from "zod";
import { guidInput } from "./input-fields";
import { msDateValue } from "./xero-dates";
import { XeroRequestError } from "./xero-errors";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .transform((value) => Date.parse(`${value}T00:00:00Z`))
  .refine((value) => !Number.isNaN(value), "must be a real date");

/** The query filters Quotes and PurchaseOrders take beside `where` (each route names the ones it takes). */
const documentFilterSchema = z.object({
  Status: z
    .string()
    .transform((value) => value.toUpperCase())
    .optional(),
  ContactID: guidInput.optional(),
  QuoteNumber: z.string().optional(),
  DateFrom: day.optional(),
  DateTo: day.optional(),
  ExpiryDateFrom: day.optional(),
  ExpiryDateTo: day.optional(),
});

type DocumentFilters = z.infer<typeof documentFilterSchema>;
export type DocumentFilter = keyof DocumentFilters;

type Filterable = {
  Status: string;
  Date: string;
  ExpiryDate?: string;
  QuoteNumber?: string;
  Contact?: { ContactID: string };
};

const onOrAfter = (date: string | undefined, from: number) => date !== undefined && msDateValue(date) >= from;
const onOrBefore = (date: string | undefined, to: number) => date !== undefined && msDateValue(date) <= to;

const MATCHES: { [F in DocumentFilter]: (record: Filterable, value: NonNullable<DocumentFilters[F]>) => boolean } = {
  Status: (record, status) => record.Status === status,
  ContactID: (record, contactId) => record.Contact?.ContactID === contactId,
  QuoteNumber: (record, number) => record.QuoteNumber === number,
  DateFrom: (record, from) => onOrAfter(record.Date, from),
  DateTo: (record, to) => onOrBefore(record.Date, to),
  ExpiryDateFrom: (record, from) => onOrAfter(record.ExpiryDate, from),
  ExpiryDateTo: (record, to) => onOrBefore(record.ExpiryDate, to),
};

/** The records that pass the named filters given in `query` (dates inclusive); a bad value is Xero's 400 naming it. */
export function filterDocuments<R extends object>(
  records: readonly R[],
  query: Record<string, unknown>,
  filters: readonly DocumentFilter[],
): readonly R[] {
  if (filters.length === 0) return records;
  // Only the route's own filters are read: another endpoint's parameter is ignored, as Xero ignores it.
  const parsed = documentFilterSchema.safeParse(Object.fromEntries(filters.map((filter) => [filter, query[filter]])));
  if (!parsed.success) {
    throw new XeroRequestError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
    );
  }
  let result = records;
  for (const filter of filters) {
    const value = parsed.data[filter];
    if (value === undefined) continue;
    const matches = MATCHES[filter] as (record: Filterable, value: unknown) => boolean;
    result = result.filter((record) => matches(record as unknown as Filterable, value));
  }
  return result;
}
