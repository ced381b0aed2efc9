import type { SelectOption } from "@ledgerflow/engine";
import type { XeroRecord } from "../xero-records";

export type TaxSide = "sales" | "purchases";

/**
 * Xero's `CanApplyTo*` flags say where a rate may be used (revenue accounts for sales, expense
 * accounts for purchases). Organisations whose rates do not carry the flags get every active rate.
 */
function appliesTo(rate: XeroRecord, side: TaxSide): boolean {
  const flag = side === "sales" ? rate.CanApplyToRevenue : rate.CanApplyToExpenses;
  return flag !== false;
}

export function taxRateOptions(rates: XeroRecord[], side: TaxSide): SelectOption[] {
  return rates
    .filter((rate) => rate.Status === "ACTIVE" && appliesTo(rate, side))
    .map((rate) => ({
      value: String(rate.TaxType),
      label: String(rate.Name),
      hint: rate.DisplayTaxRate !== undefined ? `${rate.DisplayTaxRate}%` : undefined,
    }));
}
