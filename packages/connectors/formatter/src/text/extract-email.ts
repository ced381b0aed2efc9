import { field } from "@ledgerflow/engine";
import { defineFormatterAction } from "../define-formatter-action";
import { findEmails } from "./find-emails";
import { foundValues } from "./found-values";

export const extractEmail = defineFormatterAction({
  key: "formatter.extractEmail",
  group: "Format text",
  title: "Find an email address in text",
  description: "Finds the first email address in text, e.g. in a form's message or an order note.",
  fields: { text: field.longText({ label: "Text" }) },
  outputSample: { value: "ana@example.co.nz", found: true, all: ["ana@example.co.nz"] },
  transform: ({ text = "" }) => foundValues(findEmails(text)),
});
