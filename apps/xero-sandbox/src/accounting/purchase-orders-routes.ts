import type { AccountingRoute } from "./accounting-route";
import { documentRoutes } from "./document-routes";
import { ENDPOINT_SCOPES } from "./endpoint-scopes";
import { LINE_ITEM_DOCUMENT_FIELDS } from "./line-item-document";
import { purchaseOrderInputSchema, purchaseOrderKind } from "./save-purchase-order";

export const purchaseOrdersRoutes: AccountingRoute[] = documentRoutes({
  url: "/PurchaseOrders",
  typeName: "PurchaseOrder",
  kind: purchaseOrderKind,
  schema: purchaseOrderInputSchema,
  scopes: { read: ENDPOINT_SCOPES.invoicesRead, write: ENDPOINT_SCOPES.invoicesWrite },
  fields: [...LINE_ITEM_DOCUMENT_FIELDS, "PurchaseOrderID", "PurchaseOrderNumber", "DeliveryDate"],
  filters: ["Status", "DateFrom", "DateTo"],
  pagination: true,
});
