import type { XeroActionDefinition } from "../xero-action-definition";
import { createBill } from "./create-bill";
import { createInvoice } from "./create-invoice";
import { createItem } from "./create-item";
import { createPayment } from "./create-payment";
import { findContact } from "./find-contact";
import { findItems } from "./find-items";
import { findOrCreateContact } from "./find-or-create-contact";
import { getTrackingCategories } from "./get-tracking-categories";
import { upsertContact } from "./upsert-contact";

/** Every Xero action and search a flow step can use, in the order the editor's picker shows them. */
export const xeroCatalog: XeroActionDefinition<Record<string, unknown>, unknown>[] = [
  findContact,
  findOrCreateContact,
  upsertContact,
  createInvoice,
  createBill,
  createPayment,
  findItems,
  createItem,
  getTrackingCategories,
];
