/** A string literal in Xero's `where` filter syntax (`Code=="A \"quoted\" code"`). */
export function whereLiteral(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}
