/**
 * A new step's key from its action: `xero.createInvoice` → `create_invoice`, made unique with a
 * number (`create_invoice_2`). Keys are what later steps reference (`{{steps.create_invoice.…}}`),
 * so they are fixed once the step exists.
 */
export function newStepKey(actionKey: string, takenKeys: readonly string[]): string {
  const name = actionKey.split(".").at(-1) ?? "step";
  const base =
    name
      .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
      .toLowerCase()
      .replace(/[^a-z0-9_]/g, "_")
      .replace(/^[^a-z]+/, "")
      .slice(0, 40) || "step";
  const taken = new Set(takenKeys);
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}_${suffix}`)) suffix++;
  return `${base}_${suffix}`;
}
