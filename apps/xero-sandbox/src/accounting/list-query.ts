import { z } from "zod";
import type { AccountingAnswer, AccountingCall } from "./accounting-route";
import { parseWhere } from "./where-filter";
import { msDateValue } from "./xero-dates";
import { XeroRequestError } from "./xero-errors";

const csv = z
  .string()
  .optional()
  .transform((value) =>
    value
      ?.split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  );

/** The list query parameters Xero's GET endpoints share; each route reads the ones it supports. */
export const listQuerySchema = z.object({
  where: z.string().optional(),
  order: z.string().optional(),
  IDs: csv,
  page: z.coerce.number().int().min(1, "page must be 1 or more").optional(),
  pageSize: z.coerce.number().int().min(1).max(1000, "pageSize must be 1000 or less").optional(),
  includeArchived: z
    .string()
    .optional()
    .transform((value) => value?.toLowerCase() === "true"),
  searchTerm: z.string().optional(),
  Statuses: csv,
  InvoiceNumbers: csv,
  ContactIDs: csv,
});

export type ListQuery = z.infer<typeof listQuerySchema>;

export function parseListQuery(query: Record<string, unknown>): ListQuery {
  const parsed = listQuerySchema.safeParse(query);
  if (parsed.success) return parsed.data;
  throw new XeroRequestError(
    parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
  );
}

export interface Pagination {
  page: number;
  pageSize: number;
  pageCount: number;
  itemCount: number;
}

interface ListOptions {
  /** The type name Xero's parse errors mention, e.g. `Contact`. */
  typeName: string;
  /** Paths `where` and `order` may use. */
  fields: readonly string[];
  /** The id field `IDs` filters on. */
  idField?: string;
  /** Paged endpoints return 100 a page (or `pageSize`) when `page` is given. */
  paged?: boolean;
}

function readPath(record: object, path: string): unknown {
  return path.split(".").reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], record);
}

function orderBy<T extends object>(records: T[], order: string, options: ListOptions): T[] {
  const keys = order.split(",").map((part) => {
    const [field, direction = "ASC"] = part.trim().split(/\s+/);
    if (!field || !options.fields.includes(field) || !/^(ASC|DESC)$/i.test(direction)) {
      throw new XeroRequestError(
        `No property or field '${field ?? ""}' exists in type '${options.typeName}'`,
        "QueryParseException",
        16,
      );
    }
    return { field, sign: direction.toUpperCase() === "DESC" ? -1 : 1 };
  });
  return [...records].sort((a, b) => {
    for (const { field, sign } of keys) {
      const left = sortValue(readPath(a, field));
      const right = sortValue(readPath(b, field));
      if (left === right) continue;
      if (left === undefined) return -sign;
      if (right === undefined) return sign;
      return (left < right ? -1 : 1) * sign;
    }
    return 0;
  });
}

/**
 * What a field sorts by: its value, not its text. Dates and timestamps are MS dates
 * (`/Date(999…)/` would sort after `/Date(1000…)/` as text), so they sort by their milliseconds;
 * numbers and booleans by their value; a missing or empty field first, as SQL sorts nulls.
 */
function sortValue(value: unknown): string | number | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return Number(value);
  const text = String(value);
  const ms = msDateValue(text);
  return Number.isNaN(ms) ? text : ms;
}

/** Applies `where`, `IDs`, `order` and `page` as Xero does; returns the page and, for paged lists, `pagination`. */
export function listRecords<T extends object>(
  records: readonly T[],
  query: ListQuery,
  options: ListOptions,
): { items: T[]; pagination?: Pagination } {
  let items = [...records];
  if (query.where?.trim()) {
    const matches = parseWhere(query.where, options.typeName, options.fields);
    items = items.filter(matches);
  }
  if (query.IDs?.length && options.idField) {
    const ids = new Set(query.IDs.map((id) => id.toLowerCase()));
    items = items.filter((item) => ids.has(String(readPath(item, options.idField!)).toLowerCase()));
  }
  if (query.order) items = orderBy(items, query.order, options);
  if (!options.paged || query.page === undefined) return { items };
  const pageSize = query.pageSize ?? 100;
  const itemCount = items.length;
  return {
    items: items.slice((query.page - 1) * pageSize, query.page * pageSize),
    pagination: { page: query.page, pageSize, pageCount: Math.ceil(itemCount / pageSize), itemCount },
  };
}

const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * The `If-Modified-Since` header as Xero reads it, in milliseconds: an HTTP date
 * (`Tue, 02 Dec 2025 09:30:00 GMT`) or `yyyy-MM-ddTHH:mm:ss`, UTC unless it names a zone, with
 * optional fractions (xero-node sends `toISOString()`). Undefined when the header is absent; a
 * value of any other form is a 400 naming the header, never silently the whole list.
 */
export function parseIfModifiedSince(header: unknown): number | undefined {
  if (header === undefined || header === "") return undefined;
  const text = String(header).trim();
  const iso = ISO_TIMESTAMP.exec(text);
  const fraction = iso?.[2]?.slice(0, 4).padEnd(4, "0") ?? "";
  const ms = iso ? Date.parse(`${iso[1]}${fraction}${iso[3] ?? "Z"}`) : HTTP_DATE.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) {
    throw new XeroRequestError(
      "If-Modified-Since: must be an HTTP date or a UTC timestamp yyyy-MM-ddTHH:mm:ss (e.g. 2025-12-02T09:30:00)",
    );
  }
  return ms;
}

interface ListAnswerOptions<T> extends ListOptions {
  /** The answer's wrapper key, e.g. `CreditNotes`. */
  key: string;
  /** The route's own filters (Statuses, searchTerm…), applied before `where`. */
  narrow?: (records: readonly T[], query: ListQuery) => readonly T[];
  /** Whether a paged answer carries `pagination` (default true; the Quotes schema has none). */
  pagination?: boolean;
}

/**
 * A list route's whole answer in one call: the route's own filters, `If-Modified-Since` (only
 * records whose UpdatedDateUTC is strictly after it), then `where`, `IDs`, `order` and `page`,
 * under `key` with `pagination` when paged.
 */
export function answerList<T extends { UpdatedDateUTC: string }>(
  call: Pick<AccountingCall, "query" | "headers">,
  records: readonly T[],
  options: ListAnswerOptions<T>,
): AccountingAnswer {
  const query = parseListQuery(call.query);
  const since = parseIfModifiedSince(call.headers["if-modified-since"]);
  let selected = options.narrow ? options.narrow(records, query) : records;
  if (since !== undefined) selected = selected.filter((record) => msDateValue(record.UpdatedDateUTC) > since);
  const { items, pagination } = listRecords(selected, query, options);
  const withPagination = pagination && options.pagination !== false;
  return { status: 200, body: withPagination ? { pagination, [options.key]: items } : { [options.key]: items } };
}
