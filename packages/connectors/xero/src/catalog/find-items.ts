import { field, fieldSpecs, StepError } from "@ledgerflow/engine";
import { callXero } from "../call-xero";
import { defineXeroAction } from "../xero-action-definition";
import { recordsOf, withoutNoise, type XeroRecord } from "../xero-records";
import { ifNotFoundField } from "./not-found-choice";
import { sampleItem } from "./output-samples";
import { whereLiteral } from "./xero-where";

const fields = {
  find: field.select({
    label: "Find",
    required: true,
    default: "byCode",
    options: {
      static: [
        { value: "byCode", label: "One item, by its code" },
        { value: "all", label: "All items" },
      ],
    },
  }),
  Code: field.select({
    label: "Item code",
    help: "The item's exact code, e.g. CONSULT-HR.",
    options: { loader: "xero.items" },
    requiredWhen: { field: "find", equals: "byCode" },
    // "All items" looks nothing up by code: the field would only be left over.
    hiddenWhen: { field: "find", equals: "all" },
  }),
  // Every item is "found" when listing all of them (an empty list is an answer, not a miss).
  ifNotFound: { ...ifNotFoundField(), hiddenWhen: { field: "find", equals: "all" } },
};

const specs = fieldSpecs(fields);

interface FindItemsOutput {
  found: boolean;
  count: number;
  items: XeroRecord[];
  [itemField: string]: unknown;
}

export const findItems = defineXeroAction({
  key: "xero.findItems",
  kind: "search",
  group: "Items",
  title: "Find items",
  description:
    "Finds one item by its code (its fields are then available directly) or lists every item in Xero's items list.",
  fields,
  outputSample: { found: true, count: 1, items: [sampleItem], ...sampleItem },
  scopes: { classic: ["accounting.settings.read"], granular: ["accounting.settings.read"] },
  async run(ctx, input): Promise<FindItemsOutput> {
    const where = input.find === "byCode" && input.Code ? `Code==${whereLiteral(input.Code)}` : undefined;
    // GET /Items is not paginated: one answer holds every item.
    const body = await callXero(
      ctx.client,
      (accounting) => accounting.getItems(ctx.client.tenantId, undefined, where, "Code ASC", 4),
      { operation: "look up items", signal: ctx.signal, fields: specs },
    );
    const items = recordsOf(body, "Items").map(withoutNoise);
    if (input.find === "all") return { found: items.length > 0, count: items.length, items };
    const [item] = items;
    if (item) return { found: true, count: 1, items: [item], ...item };
    if (input.ifNotFound === "continue") return { found: false, count: 0, items: [] };
    throw new StepError(`No Xero item has the code "${input.Code}".`, { code: "not_found", field: "Code" });
  },
});
