const XERO_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An account chosen in a dropdown is its code, or — for accounts without one, which Xero allows for
 * bank accounts — its AccountID (see the account option loader). Xero wants each in its own key.
 */
export function accountReference(value: string | undefined): { code?: string; accountID?: string } {
  if (!value) return {};
  return XERO_ID.test(value) ? { accountID: value } : { code: value };
}
