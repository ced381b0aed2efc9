import { field, fieldSpecs, StepError } from "@ledgerflow/engine";
import { callXero } from "../call-xero";
import { defineXeroAction } from "../xero-action-definition";
import { savedRecord, type XeroRecord } from "../xero-records";
import { contactDetailFields, toXeroContact } from "./contact-details";
import { contactMatchFields, findContactBy } from "./contact-match";
import { sampleContact } from "./output-samples";
import { contactTestRecord } from "./test-records";

const fields = {
  ...contactMatchFields,
  // A new contact needs a name whatever it is matched by.
  Name: field.text({
    label: "Contact name",
    required: true,
    help: "The contact's full or business name; a new contact gets this name.",
  }),
  ...contactDetailFields,
  // The details spread above replaced these two (their places, right after the name, stay): the
  // match's own fields, required when matched by, come back.
  AccountNumber: contactMatchFields.AccountNumber,
  EmailAddress: contactMatchFields.EmailAddress,
};

const specs = fieldSpecs(fields);

export const findOrCreateContact = defineXeroAction({
  key: "xero.findOrCreateContact",
  kind: "action",
  group: "Contacts",
  title: "Find or create contact",
  writes: { noun: "contact", verb: "finds or creates", nameField: "Name" },
  test: { record: contactTestRecord },
  description:
    "Finds a contact by its exact name, account number or email address, and creates it with these details when there is none.",
  fields,
  outputSample: { created: false, ...sampleContact },
  scopes: { classic: ["accounting.contacts"], granular: ["accounting.contacts"] },
  async run(ctx, input): Promise<{ created: boolean } & XeroRecord> {
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
        { operation: "create the contact", signal: ctx.signal, fields: specs },
      );
      return { created: true, ...savedRecord(body, "Contacts", { operation: "create the contact", fields: specs }) };
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
