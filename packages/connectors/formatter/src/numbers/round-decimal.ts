// Rounding as a bookkeeper does it on paper: 1.005 to two decimals is 1.01. A binary double holds
// 1.005 as 1.00499999…, which Math.round and toFixed round down; Intl.NumberFormat rounds the
// shortest decimal that reads back as the same double — the number as it was written — instead.
import { field } from "@ledgerflow/engine";

export const ROUNDING_MODES = [
  { value: "halfExpand", label: "To the nearest, halves away from zero (2.5 → 3)" },
  { value: "halfEven", label: "To the nearest, halves to even (2.5 → 2, bankers' rounding)" },
  { value: "ceil", label: "Always up (2.1 → 3, -2.9 → -2)" },
  { value: "floor", label: "Always down (2.9 → 2, -2.1 → -3)" },
  { value: "trunc", label: "Towards zero: cut off (2.9 → 2, -2.9 → -2)" },
  { value: "expand", label: "Away from zero (2.1 → 3, -2.1 → -3)" },
] as const;

export type RoundingMode = (typeof ROUNDING_MODES)[number]["value"];

/** How many decimals a step may keep: Xero takes at most 4 for a unit price; 10 leaves room. */
const MAX_DECIMALS = 10;

/** The check of a step's `decimals` field (an absent one rounds nothing). */
export const checkDecimals = ({ decimals }: { decimals?: number }) =>
  decimals === undefined || (Number.isInteger(decimals) && decimals >= 0 && decimals <= MAX_DECIMALS)
    ? []
    : [{ field: "decimals" as const, message: `give a whole number of decimals from 0 to ${MAX_DECIMALS}` }];

export function roundDecimal(value: number, decimals: number, mode: RoundingMode = "halfExpand"): number {
  const text = new Intl.NumberFormat("en-US", {
    useGrouping: false,
    numberingSystem: "latn",
    maximumFractionDigits: decimals,
    roundingMode: mode,
  }).format(value);
  // `+ 0`: -0.001 rounds to "-0", which is 0.
  return Number(text) + 0;
}

/** A "Round to decimals" field for steps that may round their result once, at the end. */
export function decimalsField(help: string) {
  return field.number({ label: "Round to decimals", help });
}
