import { type FieldSpec, StepError } from "@ledgerflow/engine";
import { callXero } from "../call-xero";
import { defineXeroAction } from "../xero-action-definition";
import { savedRecord, type XeroRecord } from "../xero-records";
import { contactDetailFields, contactDetailsSchema, toXeroContact } from "./contact-details";
import { contactMatchFields, contactMatchSchema, contactNameField, findContactBy } from "./contact-match";
import { sampleContact } from "./output-samples";
import { parseStepInput, requiredText } from "./step-input";

const fields: FieldSpec[] = [
  ...contactMatchFields.map((field) =>
    field.name === contactNameField.name
      ? {
          ...field,
          required: true,
          requiredWhen: undefined,
          help: "The contact's full or business name; a new contact gets this name.",
        }
      : field,
  ),
  ...contactDetailFields.filter((detail) => !contactMatchFields.some((field) => field.name === detail.name)),
];

const inputSchema = contactMatchSchema.and(contactDetailsSchema.extend({ Name: requiredText }));

export const findOrCreateContact = defineXeroAction<Record<string, unknown>, { created: boolean } & XeroRecord>({
  key: "xero.findOrCreateContact",
  kind: "action",
  group: "Contacts",
  title: "Find or create contact",
  writes: { noun: "contact", verb: "finds or creates", nameField: "Name" },
  description:
    "Finds a contact by its exact name, account number or email address, and creates it with these details when there is none.",
  fields,
  outputSample: { created: false, ...sampleContact },
  scopes: { classic: ["accounting.contacts"], granular: ["accounting.contacts"] },
  async run(ctx, rawInput) {
    const input = parseStepInput(inputSchema, rawInput, fields);
    const existing = await findContactBy(ctx.client, input, ctx.signal);
    if (existing) return { created: false, ...existing };
    try {
      const body = await callXero(
        ctx.client,
        (accounting) =>
          accounting.createContacts(
            ctx.client.tenantId,
            { contacts: [toXeroContact(input)] },
            true,
            ctx.idempotencyKey,
          ),
        { operation: "create the contact", signal: ctx.signal, fields },
      );
      return { created: true, ...savedRecord(body, "Contacts", { operation: "create the contact", fields }) };
    } catch (error) {
      // Another run may have created the contact between our search and our create (Xero then
      // refuses the duplicate name): that contact is the one this step was looking for.
      if (!(error instanceof StepError) || error.code !== "xero_validation") throw error;
      const createdMeanwhile = await findContactBy(ctx.client, input, ctx.signal);
      if (createdMeanwhile) return { created: false, ...createdMeanwhile };
      throw error;
    }
  },
});
