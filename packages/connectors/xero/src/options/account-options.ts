import type { SelectOption } from "@ledgerflow/engine";
import type { XeroRecord } from "../xero-records";

/** Which accounts make sense for a field: invoice lines, bill lines, or where a payment goes. */
export type AccountPurpose = "revenue" | "expense" | "payment";

/** Xero's `Class` groups account types: REVENUE (REVENUE, SALES, OTHERINCOME), EXPENSE (EXPENSE, DIRECTCOSTS, …). */
const CLASS_FOR: Record<Exclude<AccountPurpose, "payment">, string> = { revenue: "REVENUE", expense: "EXPENSE" };

function fitsPurpose(account: XeroRecord, purpose: AccountPurpose): boolean {
  if (purpose === "payment") return account.Type === "BANK" || account.EnablePaymentsToAccount === true;
  return account.Class === CLASS_FOR[purpose];
}

export function accountOptions(accounts: XeroRecord[], purpose: AccountPurpose): SelectOption[] {
  return accounts
    .filter((account) => account.Status === "ACTIVE" && fitsPurpose(account, purpose))
    .map((account) => ({
      value: String(account.Code ?? account.AccountID),
      label: account.Code ? `${account.Code} · ${account.Name}` : String(account.Name),
      hint: String(account.Type ?? ""),
    }));
}
