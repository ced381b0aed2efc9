import type { System } from "./system";

/** Reads the sandbox's Accounting API over HTTP with a freshly minted token (assertions only). */
export async function xeroGet<T = Record<string, unknown>>(system: System, tenantId: string, path: string): Promise<T> {
  const { access_token } = await system.admin<{ access_token: string }>("/sandbox/admin/tokens", {
    tenantIds: [tenantId],
  });
  const response = await fetch(`${system.sandboxUrl}/api.xro/2.0${path}`, {
    headers: { authorization: `Bearer ${access_token}`, "xero-tenant-id": tenantId, accept: "application/json" },
  });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface XeroInvoice {
  InvoiceID: string;
  Type: string;
  Status: string;
  Reference?: string;
  Total: number;
  SubTotal: number;
  TotalTax: number;
  AmountDue: number;
  Contact: { ContactID: string; Name: string };
  LineItems: { Description: string; Quantity: number; UnitAmount: number; LineAmount: number }[];
}

export async function invoicesWithReference(
  system: System,
  tenantId: string,
  reference: string,
): Promise<XeroInvoice[]> {
  const where = encodeURIComponent(`Reference=="${reference}"`);
  const body = await xeroGet<{ Invoices: XeroInvoice[] }>(system, tenantId, `/Invoices?where=${where}`);
  return body.Invoices;
}

export async function contactsNamed(system: System, tenantId: string, name: string): Promise<{ ContactID: string }[]> {
  const where = encodeURIComponent(`Name=="${name}"`);
  const body = await xeroGet<{ Contacts: { ContactID: string }[] }>(system, tenantId, `/Contacts?where=${where}`);
  return body.Contacts;
}

/** The names of the contacts a batch of events made (batchContactFlow's AccountNumber), sorted: one per executed run. */
export async function contactNamesOfBatch(system: System, tenantId: string, batch: string): Promise<string[]> {
  const where = encodeURIComponent(`AccountNumber=="${batch}"`);
  const body = await xeroGet<{ Contacts: { Name: string }[] }>(system, tenantId, `/Contacts?where=${where}`);
  return body.Contacts.map((contact) => contact.Name).sort();
}
