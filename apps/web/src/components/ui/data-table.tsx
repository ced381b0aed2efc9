import type { ReactNode } from "react";
import { cn } from "./class-names";

export interface DataTableColumn {
  label: string;
  /** Extra classes of the column's header, e.g. `hidden md:table-cell` for a column phones do without. */
  className?: string;
}

interface DataTableProps {
  /** What the table lists, for screen readers: "Runs, newest first". */
  caption: string;
  columns: DataTableColumn[];
  /** The body's rows. */
  children: ReactNode;
}

/** A card-framed table of records with a header row: the run history, the webhook deliveries. */
export function DataTable({ caption, columns, children }: DataTableProps) {
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-500">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={cn("px-4 py-2.5 font-medium", column.className)}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}
