import { randomUUID } from "node:crypto";

/**
 * The RFC 7807-style body Xero's API gateway sends for 401/403/404 outside the Accounting API's own
 * error shapes (e.g. on /connections and userinfo), e.g. `Detail: "TokenExpired: token expired at …"`.
 */
export function identityProblem(status: 401 | 403 | 404, detail: string) {
  const titles = { 401: "Unauthorized", 403: "Forbidden", 404: "Not Found" } as const;
  return { Type: null, Title: titles[status], Status: status, Detail: detail, Instance: randomUUID(), Extensions: {} };
}
