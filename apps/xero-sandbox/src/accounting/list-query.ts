import { z } from "zod";
import { parseWhere } from "./where-filter";
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
      const left = readPath(a, field);
      const right = readPath(b, field);
      if (left === right) continue;
      if (left === undefined) return -sign;
      if (right === undefined) return sign;
      return (String(left) < String(right) ? -1 : 1) * sign;
    }
    return 0;
  });
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
