import { z } from "zod";

/** A number Xero accepts as JSON number or numeric string. */
export const decimalInput = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/, "must be a number")
    .transform(Number),
]);

/** Optional text that may arrive as null from generated clients (null reads as absent). */
export const optionalText = (max?: number) =>
  (max ? z.string().max(max, `must be ${max} characters or less`) : z.string())
    .nullish()
    .transform((value) => value ?? undefined)
    .optional();

export const guidInput = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "must be a valid GUID")
  .transform((value) => value.toLowerCase());
