import { callXero } from "../call-xero";
import { defineXeroAction } from "../xero-action-definition";
import { savedRecord, type XeroRecord } from "../xero-records";
import { contactDetailFields, contactDetailsSchema, toXeroContact } from "./contact-details";
import { sampleContact } from "./output-samples";
import { optionalText, parseStepInput } from "./step-input";

const fields = [
  {
    name: "ContactID",
    label: "Xero contact ID",
    type: "string" as const,
    help: "Updates this exact contact, e.g. one found by an earlier step. Leave empty to match by name.",
  },
  {
    name: "Name",
    label: "Contact name",
    type: "string" as const,
    help: "The customer's or supplier's full or business name. Required unless a contact ID is given; an existing contact with this name is updated, otherwise a new one is created.",
  },
  ...contactDetailFields,
];

const inputSchema = contactDetailsSchema
  .extend({ ContactID: optionalText, Name: optionalText })
  .refine((input) => input.ContactID || input.Name, {
    path: ["Name"],
    message: "is required unless a contact ID is given",
  });

export const upsertContact = defineXeroAction<Record<string, unknown>, XeroRecord>({
  key: "xero.upsertContact",
  kind: "action",
  group: "Contacts",
  title: "Create or update contact",
  writes: { noun: "contact", verb: "creates or updates", nameField: "Name" },
  description: "Updates the contact with this ID or name, or creates it when there is none.",
  fields,
  outputSample: sampleContact,
  scopes: { classic: ["accounting.contacts"], granular: ["accounting.contacts"] },
  async run(ctx, rawInput) {
    const input = parseStepInput(inputSchema, rawInput, fields);
    const body = await callXero(
      ctx.client,
      (accounting) =>
        accounting.updateOrCreateContacts(
          ctx.client.tenantId,
          { contacts: [toXeroContact(input)] },
          true,
          ctx.idempotencyKey,
        ),
      { operation: "save the contact", signal: ctx.signal, fields },
    );
    return savedRecord(body, "Contacts", { operation: "save the contact", fields });
  },
});
