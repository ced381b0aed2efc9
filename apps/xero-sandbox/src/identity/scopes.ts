// The scopes Xero's identity service accepts for the APIs the sandbox serves. Xero has two
// generations of accounting scopes: the classic broad ones (`accounting.transactions`) and the
// granular ones introduced in 2025 (`accounting.invoices`, `accounting.payments`, …); apps may
// ask for either, each with a `.read` variant.

export const OPENID_SCOPES = ["openid", "profile", "email", "offline_access"] as const;

const CLASSIC_ACCOUNTING_SCOPES = [
  "accounting.transactions",
  "accounting.transactions.read",
  "accounting.contacts",
  "accounting.contacts.read",
  "accounting.settings",
  "accounting.settings.read",
  "accounting.attachments",
  "accounting.attachments.read",
  "accounting.reports.read",
  "accounting.reports.tenninetynine.read",
  "accounting.journals.read",
  "accounting.budgets.read",
] as const;

const GRANULAR_ACCOUNTING_SCOPES = [
  "accounting.invoices",
  "accounting.invoices.read",
  "accounting.payments",
  "accounting.payments.read",
  "accounting.banktransactions",
  "accounting.banktransactions.read",
  "accounting.manualjournals",
  "accounting.manualjournals.read",
  "accounting.reports.aged.read",
  "accounting.reports.balancesheet.read",
  "accounting.reports.banksummary.read",
  "accounting.reports.budgetsummary.read",
  "accounting.reports.executivesummary.read",
  "accounting.reports.profitandloss.read",
  "accounting.reports.trialbalance.read",
  "accounting.reports.taxreports.read",
] as const;

export const ACCOUNTING_SCOPES: readonly string[] = [...CLASSIC_ACCOUNTING_SCOPES, ...GRANULAR_ACCOUNTING_SCOPES];

const KNOWN_SCOPES = new Set<string>([...OPENID_SCOPES, ...ACCOUNTING_SCOPES]);

/** What an admin-minted token gets when the caller names no scopes: everything. */
export const ALL_SCOPES: readonly string[] = [...OPENID_SCOPES, ...ACCOUNTING_SCOPES];

export type ParsedScopes = { ok: true; scopes: string[] } | { ok: false; unknown: string[] };

/** Splits a space-separated scope string, dropping duplicates; fails on any scope Xero would not know. */
export function parseScopes(scope: string | string[]): ParsedScopes {
  const requested = Array.isArray(scope) ? scope : scope.split(/\s+/);
  const scopes = [...new Set(requested.filter((item) => item.length > 0))];
  const unknown = scopes.filter((item) => !KNOWN_SCOPES.has(item));
  return unknown.length > 0 ? { ok: false, unknown } : { ok: true, scopes };
}

/** Whether the scopes give access to organisation data, i.e. consent must pick organisations. */
export function needsTenants(scopes: readonly string[]): boolean {
  return scopes.some((scope) => scope.startsWith("accounting."));
}

const OPENID_DESCRIPTIONS: Record<string, string> = {
  openid: "Confirm your identity",
  profile: "See your name",
  email: "See your email address",
  offline_access: "Keep access when you are not using the app",
};

/** The sentence the consent page shows for a scope: "View and manage your invoices". */
export function describeScope(scope: string): string {
  const known = OPENID_DESCRIPTIONS[scope];
  if (known) return known;
  const parts = scope.split(".").slice(1);
  const readOnly = parts.at(-1) === "read";
  const subject = (readOnly ? parts.slice(0, -1) : parts).join(" ");
  return `${readOnly ? "View" : "View and manage"} your ${subject}`;
}
