import { createHash } from "node:crypto";

/**
 * A UUID derived from a name, so seeded records keep the same ids across restarts and tenant
 * resets (tests and saved flows can refer to them).
 */
export function stableId(...parts: string[]): string {
  const hex = createHash("sha1").update(parts.join("/")).digest("hex");
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
