import { StepError } from "@ledgerflow/engine";
import { defineXeroAction } from "../xero-action-definition";
import type { XeroRecord } from "../xero-records";
import { contactMatchFields, describeMatch, findContactBy } from "./contact-match";
import { ifNotFoundField } from "./not-found-choice";
import { sampleContact } from "./output-samples";

export const findContact = defineXeroAction({
  key: "xero.findContact",
  kind: "search",
  group: "Contacts",
  title: "Find contact",
  description: "Looks up a contact by its exact name, account number or email address.",
  fields: { ...contactMatchFields, ifNotFound: ifNotFoundField() },
  outputSample: { found: true, ...sampleContact },
  scopes: { classic: ["accounting.contacts.read"], granular: ["accounting.contacts.read"] },
  async run(ctx, input): Promise<{ found: boolean } & XeroRecord> {
    const contact = await findContactBy(ctx.client, input, ctx.signal);
    if (contact) return { found: true, ...contact };
    if (input.ifNotFound === "continue") return { found: false };
    throw new StepError(`No Xero contact has the ${describeMatch(input)}.`, {
      code: "not_found",
      field: input.matchBy,
    });
  },
});
