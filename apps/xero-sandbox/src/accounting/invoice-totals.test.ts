import { describe, expect, it } from "vitest";
import { documentTotals, lineTotals, roundMoney } from "./invoice-totals";

describe("roundMoney", () => {
  it("rounds half away from zero without binary-fraction drift", () => {
    expect(roundMoney(1.005)).toBe(1.01);
    expect(roundMoney(8.0955)).toBe(8.1);
    expect(roundMoney(2.675)).toBe(2.68);
    expect(roundMoney(-1.005)).toBe(-1.01);
    expect(roundMoney(0.30625)).toBe(0.31);
    expect(roundMoney(-0)).toBe(0);
  });
});

describe("lineTotals and documentTotals", () => {
  const lines = [
    { Quantity: 3, UnitAmount: 19.99, DiscountRate: 10, taxRate: 15 },
    { Quantity: 2.5, UnitAmount: 40, taxRate: 15 },
    { Quantity: 1, UnitAmount: 0.35, DiscountRate: 12.5, taxRate: 0 },
  ];

  it("Exclusive: tax is added per line and rounded per line", () => {
    const computed = lines.map((line) => lineTotals(line, "Exclusive"));
    expect(computed).toEqual([
      { LineAmount: 53.97, TaxAmount: 8.1 },
      { LineAmount: 100, TaxAmount: 15 },
      { LineAmount: 0.31, TaxAmount: 0 },
    ]);
    expect(documentTotals(computed, "Exclusive")).toEqual({ SubTotal: 154.28, TotalTax: 23.1, Total: 177.38 });
  });

  it("Inclusive: tax is extracted per line; SubTotal is net", () => {
    const computed = lines.map((line) => lineTotals(line, "Inclusive"));
    expect(computed.map((line) => line.TaxAmount)).toEqual([7.04, 13.04, 0]);
    expect(documentTotals(computed, "Inclusive")).toEqual({ SubTotal: 134.2, TotalTax: 20.08, Total: 154.28 });
  });

  it("per-line rounding differs from rounding the total, as in Xero", () => {
    // Three lines of 0.10 at 15%: 0.015 each rounds to 0.02 → 0.06, not round(0.045) = 0.05.
    const computed = [1, 2, 3].map(() => lineTotals({ Quantity: 1, UnitAmount: 0.1, taxRate: 15 }, "Exclusive"));
    expect(documentTotals(computed, "Exclusive").TotalTax).toBe(0.06);
  });

  it("NoTax: no tax at all", () => {
    expect(lineTotals({ Quantity: 2, UnitAmount: 5, taxRate: 15 }, "NoTax")).toEqual({ LineAmount: 10, TaxAmount: 0 });
  });
});
