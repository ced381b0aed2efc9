import type { RunStatus } from "@ledgerflow/db";

// The run history's state as it appears in the URL. This file is shared by server and client
// components, so it imports types only (nothing that would pull the database into the browser).

export interface RunFilters {
  /** Text the run's id, title or trigger payload contains ("Find runs"). */
  q?: string;
  flow?: string;
  status?: RunStatus;
  /** First day shown, YYYY-MM-DD (UTC). */
  from?: string;
  /** Last day shown, inclusive, YYYY-MM-DD (UTC). */
  to?: string;
  /** Keyset cursor from the presenter, and which way to read from it. */
  cursor?: string;
  dir?: "older" | "newer";
}

const paramOrder: (keyof RunFilters)[] = ["q", "flow", "status", "from", "to", "cursor", "dir"];

/** `/runs` with the given filters, in a stable parameter order. */
export function runsHref(filters: RunFilters): string {
  const params = new URLSearchParams();
  for (const name of paramOrder) {
    const value = filters[name];
    if (value) params.set(name, value);
  }
  const query = params.toString();
  return query ? `/runs?${query}` : "/runs";
}
