import type { FieldSpec } from "@ledgerflow/engine";
import { z } from "zod";
import { callXero } from "../call-xero";
import { defineXeroAction } from "../xero-action-definition";
import { recordsOf, withoutNoise, type XeroRecord } from "../xero-records";
import { sampleTrackingCategory } from "./output-samples";
import { optionalBoolean, parseStepInput } from "./step-input";

const fields: FieldSpec[] = [
  {
    name: "includeArchived",
    label: "Include archived",
    type: "boolean",
    default: false,
    help: "Also list categories and options that were archived in Xero.",
  },
];

const inputSchema = z.object({ includeArchived: optionalBoolean });

export const getTrackingCategories = defineXeroAction<Record<string, unknown>, { count: number; items: XeroRecord[] }>({
  key: "xero.getTrackingCategories",
  kind: "search",
  group: "Tracking",
  title: "Get tracking categories",
  description: "Lists the organisation's tracking categories (such as Region or Department) with their options.",
  fields,
  outputSample: { count: 1, items: [sampleTrackingCategory] },
  scopes: { classic: ["accounting.settings.read"], granular: ["accounting.settings.read"] },
  async run(ctx, rawInput) {
    const input = parseStepInput(inputSchema, rawInput, fields);
    const body = await callXero(
      ctx.client,
      (accounting) =>
        accounting.getTrackingCategories(ctx.client.tenantId, undefined, "Name ASC", input.includeArchived),
      { operation: "list tracking categories", signal: ctx.signal, fields },
    );
    const items = recordsOf(body, "TrackingCategories").map(withoutNoise);
    return { count: items.length, items };
  },
});
