import { field, type InputOf } from "@ledgerflow/engine";
import { Address, type Contact, type CurrencyCode, Phone } from "xero-node";
import { xeroEnum } from "../xero-enum";

/** The contact details a step can set, shared by "create or update" and "find or create". */
export const contactDetailFields = {
  FirstName: field.text({ label: "First name", help: "First name of the contact person (up to 255 characters)." }),
  LastName: field.text({ label: "Last name", help: "Last name of the contact person." }),
  EmailAddress: field.text({ label: "Email", help: "Where Xero sends invoices and statements for this contact." }),
  AccountNumber: field.text({
    label: "Account number",
    help: "Your own reference for this customer or supplier (up to 50 characters).",
  }),
  ContactNumber: field.text({
    label: "Contact code",
    help: "An identifier from another system, e.g. your CRM's customer id (up to 50 characters).",
  }),
  TaxNumber: field.text({ label: "Tax number", help: "ABN, GST, VAT or tax number of the contact." }),
  Phone: field.text({ label: "Phone" }),
  AddressLine1: field.text({ label: "Postal address", help: "Street or PO box line." }),
  City: field.text({ label: "Town / city" }),
  Region: field.text({ label: "State / region" }),
  PostalCode: field.text({ label: "Postal code" }),
  Country: field.text({ label: "Country" }),
  DefaultCurrency: field.select({
    label: "Default currency",
    help: "Currency used for this contact's invoices and bills when a step does not set one.",
    options: { loader: "xero.currencies" },
  }),
};

export type ContactDetails = InputOf<typeof contactDetailFields>;

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
