import type { FieldSpec } from "@ledgerflow/engine";
import { Address, type Contact, type CurrencyCode, Phone } from "xero-node";
import { z } from "zod";
import { xeroEnum } from "../xero-enum";
import { optionalText } from "./step-input";

/** The contact details a step can set, shared by "create or update" and "find or create". */
export const contactDetailFields: FieldSpec[] = [
  {
    name: "FirstName",
    label: "First name",
    type: "string",
    help: "First name of the contact person (up to 255 characters).",
  },
  { name: "LastName", label: "Last name", type: "string", help: "Last name of the contact person." },
  {
    name: "EmailAddress",
    label: "Email",
    type: "string",
    help: "Where Xero sends invoices and statements for this contact.",
  },
  {
    name: "AccountNumber",
    label: "Account number",
    type: "string",
    help: "Your own reference for this customer or supplier (up to 50 characters).",
  },
  {
    name: "ContactNumber",
    label: "Contact code",
    type: "string",
    help: "An identifier from another system, e.g. your CRM's customer id (up to 50 characters).",
  },
  { name: "TaxNumber", label: "Tax number", type: "string", help: "ABN, GST, VAT or tax number of the contact." },
  { name: "Phone", label: "Phone", type: "string" },
  { name: "AddressLine1", label: "Postal address", type: "string", help: "Street or PO box line." },
  { name: "City", label: "Town / city", type: "string" },
  { name: "Region", label: "State / region", type: "string" },
  { name: "PostalCode", label: "Postal code", type: "string" },
  { name: "Country", label: "Country", type: "string" },
  {
    name: "DefaultCurrency",
    label: "Default currency",
    type: "select",
    help: "Currency used for this contact's invoices and bills when a step does not set one.",
    options: { loader: "xero.currencies" },
  },
];

export const contactDetailsSchema = z.object({
  FirstName: optionalText,
  LastName: optionalText,
  EmailAddress: optionalText,
  AccountNumber: optionalText,
  ContactNumber: optionalText,
  TaxNumber: optionalText,
  Phone: optionalText,
  AddressLine1: optionalText,
  City: optionalText,
  Region: optionalText,
  PostalCode: optionalText,
  Country: optionalText,
  DefaultCurrency: optionalText,
});

export type ContactDetails = z.output<typeof contactDetailsSchema>;

/** xero-node's Contact model for the given details; fields left empty are not sent, so Xero keeps them. */
export function toXeroContact(details: ContactDetails & { ContactID?: string; Name?: string }): Contact {
  const hasAddress = [details.AddressLine1, details.City, details.Region, details.PostalCode, details.Country].some(
    Boolean,
  );
  return {
    contactID: details.ContactID,
    name: details.Name,
    firstName: details.FirstName,
    lastName: details.LastName,
    emailAddress: details.EmailAddress,
    accountNumber: details.AccountNumber,
    contactNumber: details.ContactNumber,
    taxNumber: details.TaxNumber,
    defaultCurrency: xeroEnum<CurrencyCode>(details.DefaultCurrency),
    phones: details.Phone ? [{ phoneType: Phone.PhoneTypeEnum.DEFAULT, phoneNumber: details.Phone }] : undefined,
    addresses: hasAddress
      ? [
          {
            addressType: Address.AddressTypeEnum.POBOX,
            addressLine1: details.AddressLine1,
            city: details.City,
            region: details.Region,
            postalCode: details.PostalCode,
            country: details.Country,
          },
        ]
      : undefined,
  };
}
