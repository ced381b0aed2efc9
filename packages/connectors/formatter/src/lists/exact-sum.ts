// Sums numbers as decimals, not as binary doubles: 0.1 + 0.2 is 0.3, and a column of cents adds up
// to the cent. Each number is taken as its shortest decimal (what JSON wrote), scaled to whole
// units of its smallest decimal place and summed as a bigint.

interface Decimal {
  units: bigint;
  /** Decimal places: `units` × 10^-scale is the number. */
  scale: number;
}

function toDecimal(value: number): Decimal {
  const [mantissa = "0", exponentText = "0"] = String(value).split("e");
  const [whole = "0", fraction = ""] = mantissa.split(".");
  const scale = fraction.length - Number(exponentText);
  const digits = BigInt(`${whole}${fraction}`.replace("-", "")) * (value < 0 ? -1n : 1n);
  return scale >= 0 ? { units: digits, scale } : { units: digits * 10n ** BigInt(-scale), scale: 0 };
}

export function exactSum(values: readonly number[]): number {
  const decimals = values.map(toDecimal);
  const scale = Math.max(0, ...decimals.map((decimal) => decimal.scale));
  const total = decimals.reduce((sum, decimal) => sum + decimal.units * 10n ** BigInt(scale - decimal.scale), 0n);
  const negative = total < 0n;
  const digits = (negative ? -total : total).toString().padStart(scale + 1, "0");
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
  return Number(`${negative ? "-" : ""}${text}`) + 0;
}
