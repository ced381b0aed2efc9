import { field, fieldSpecs } from "@ledgerflow/engine";
import { callXero } from "../call-xero";
import { defineXeroAction } from "../xero-action-definition";
import { savedRecord, type XeroRecord } from "../xero-records";
import { contactDetailFields, toXeroContact } from "./contact-details";
import { sampleContact } from "./output-samples";

const fields = {
  ContactID: field.text({
    label: "Xero contact ID",
    help: "Updates this exact contact, e.g. one found by an earlier step. Leave empty to match by name.",
  }),
  Name: field.text({
    label: "Contact name",
    help: "The customer's or supplier's full or business name. Required unless a contact ID is given; an existing contact with this name is updated, otherwise a new one is created.",
  }),
  ...contactDetailFields,
};

const specs = fieldSpecs(fields);

export const upsertContact = defineXeroAction({
  key: "xero.upsertContact",
  kind: "action",
  group: "Contacts",
  title: "Create or update contact",
  writes: { noun: "contact", verb: "creates or updates", nameField: "Name" },
  // No test record: Xero's answer does not say whether the contact was created or updated, and
  // archiving a contact that existed before the test would take a real customer out of the books.
  description: "Updates the contact with this ID or name, or creates it when there is none.",
  fields,
  check: (input) =>
    input.ContactID || input.Name ? [] : [{ field: "Name", message: "is required unless a contact ID is given" }],
  outputSample: sampleContact,
  scopes: { classic: ["accounting.contacts"], granular: ["accounting.contacts"] },
  async run(ctx, input): Promise<XeroRecord> {
    const body = await callXero(
      ctx.client,
      (accounting) =>
        accounting.updateOrCreateContacts(
          ctx.client.tenantId,
          { contacts: [toXeroContact(input)] },
          true,
          ctx.idempotencyKey,
        ),
      { operation: "save the contact", signal: ctx.signal, fields: specs },
    );
    return savedRecord(body, "Contacts", { operation: "save the contact", fields: specs });
  },
});
