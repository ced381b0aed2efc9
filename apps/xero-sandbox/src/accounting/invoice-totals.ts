import type { LineAmountType } from "./ledger-types";

/** Rounds half away from zero to `dp` places, as Xero does, without binary-fraction surprises (1.005 → 1.01). */
export function roundMoney(value: number, dp = 2): number {
  const scaled = Number((Math.abs(value) * 10 ** dp).toPrecision(15));
  return (Math.sign(value) * Math.round(scaled)) / 10 ** dp || 0;
}

export interface LineInput {
  Quantity: number;
  UnitAmount: number;
  DiscountRate?: number;
  /** Percentage, e.g. 15 for GST on Income. */
  taxRate: number;
}

export interface LineTotals {
  LineAmount: number;
  TaxAmount: number;
}

/**
 * One line as Xero computes it: LineAmount = Quantity × UnitAmount × (1 − DiscountRate%), rounded
 * to 2 dp; tax per line, rounded per line — on top of the line (Exclusive), inside it (Inclusive),
 * or none (NoTax).
 */
export function lineTotals(line: LineInput, amountType: LineAmountType): LineTotals {
  const LineAmount = roundMoney(line.Quantity * line.UnitAmount * (1 - (line.DiscountRate ?? 0) / 100));
  if (amountType === "NoTax") return { LineAmount, TaxAmount: 0 };
  const rate = line.taxRate / 100;
  const TaxAmount =
    amountType === "Exclusive" ? roundMoney(LineAmount * rate) : roundMoney((LineAmount * rate) / (1 + rate));
  return { LineAmount, TaxAmount };
}

export interface DocumentTotals {
  SubTotal: number;
  TotalTax: number;
  Total: number;
}

/** SubTotal is always net of tax, so for Inclusive lines it is the line amounts less their tax. */
export function documentTotals(lines: LineTotals[], amountType: LineAmountType): DocumentTotals {
  const sumLines = roundMoney(lines.reduce((sum, line) => sum + line.LineAmount, 0));
  const TotalTax = roundMoney(lines.reduce((sum, line) => sum + line.TaxAmount, 0));
  const SubTotal = amountType === "Inclusive" ? roundMoney(sumLines - TotalTax) : sumLines;
  return { SubTotal, TotalTax, Total: roundMoney(SubTotal + TotalTax) };
}
