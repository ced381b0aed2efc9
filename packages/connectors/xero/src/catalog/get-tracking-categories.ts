import { field, fieldSpecs } from "@ledgerflow/engine";
import { callXero } from "../call-xero";
import { defineXeroAction } from "../xero-action-definition";
import { recordsOf, withoutNoise, type XeroRecord } from "../xero-records";
import { sampleTrackingCategory } from "./output-samples";

const fields = {
  includeArchived: field.boolean({
    label: "Include archived",
    default: false,
    help: "Also list categories and options that were archived in Xero.",
  }),
};

const specs = fieldSpecs(fields);

export const getTrackingCategories = defineXeroAction({
  key: "xero.getTrackingCategories",
  kind: "search",
  group: "Tracking",
  title: "Get tracking categories",
  description: "Lists the organisation's tracking categories (such as Region or Department) with their options.",
  fields,
  outputSample: { count: 1, items: [sampleTrackingCategory] },
  scopes: { classic: ["accounting.settings.read"], granular: ["accounting.settings.read"] },
  async run(ctx, input): Promise<{ count: number; items: XeroRecord[] }> {
    const body = await callXero(
      ctx.client,
      (accounting) =>
        accounting.getTrackingCategories(ctx.client.tenantId, undefined, "Name ASC", input.includeArchived),
      { operation: "list tracking categories", signal: ctx.signal, fields: specs },
    );
    const items = recordsOf(body, "TrackingCategories").map(withoutNoise);
    return { count: items.length, items };
  },
});
