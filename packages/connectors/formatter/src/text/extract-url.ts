import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { findUrls } from "./find-urls";
import { foundValues } from "./found-values";

export const extractUrl = defineFormatterAction({
  key: "formatter.extractUrl",
  group: "Format text",
  title: "Find a web address in text",
  description: "Finds the first web address starting with http:// or https:// in text.",
  fields: { text: field.longText({ label: "Text" }) },
  outputSample: {
    value: "https://shop.example.com/orders/1001",
    found: true,
    all: ["https://shop.example.com/orders/1001"],
  },
  transform: ({ text = "" }) => foundValues(findUrls(text)),
});
