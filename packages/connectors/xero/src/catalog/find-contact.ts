import { type FieldSpec, StepError } from "@ledgerflow/engine";
import { defineXeroAction } from "../xero-action-definition";
import type { XeroRecord } from "../xero-records";
import { contactMatchFields, contactMatchSchema, describeMatch, findContactBy } from "./contact-match";
import { ifNotFoundField, ifNotFoundSchema } from "./not-found-choice";
import { sampleContact } from "./output-samples";
import { parseStepInput } from "./step-input";

const fields: FieldSpec[] = [...contactMatchFields, ifNotFoundField];

const inputSchema = contactMatchSchema.and(ifNotFoundSchema);

export const findContact = defineXeroAction<Record<string, unknown>, { found: boolean } & XeroRecord>({
  key: "xero.findContact",
  kind: "search",
  group: "Contacts",
  title: "Find contact",
  description: "Looks up a contact by its exact name, account number or email address.",
  fields,
  outputSample: { found: true, ...sampleContact },
  scopes: { classic: ["accounting.contacts.read"], granular: ["accounting.contacts.read"] },
  async run(ctx, rawInput) {
    const input = parseStepInput(inputSchema, rawInput, fields);
    const contact = await findContactBy(ctx.client, input, ctx.signal);
    if (contact) return { found: true, ...contact };
    if (input.ifNotFound === "continue") return { found: false };
    throw new StepError(`No Xero contact has the ${describeMatch(input)}.`, {
      code: "not_found",
      field: input.matchBy,
    });
  },
});
