/**
 * xero-node declares its enums as numeric TypeScript enums but sends their string names (its JS
 * sets `Enum.ACCREC = "ACCREC"`); Xero's own strings are therefore what belongs in the models.
 */
export function xeroEnum<TEnum>(value: string): TEnum;
export function xeroEnum<TEnum>(value: string | undefined): TEnum | undefined;
export function xeroEnum<TEnum>(value: string | undefined): TEnum | undefined {
  return value as unknown as TEnum | undefined;
}
