import type { Role } from "@ledgerflow/db";

// OWNER can do everything an EDITOR can, who can do everything a VIEWER can.
const rank: Record<Role, number> = { VIEWER: 0, EDITOR: 1, OWNER: 2 };

export function roleAllows(role: Role, minimumRole: Role): boolean {
  return rank[role] >= rank[minimumRole];
}
