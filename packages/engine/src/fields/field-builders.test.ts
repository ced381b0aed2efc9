import { describe, expect, expectTypeOf, it } from "vitest";
import type { FieldSpec } from "../action-definition";
import { type Fields, fieldSpecs, type InputOf } from "./field";
import { field } from "./field-builders";

const payment = {
  InvoiceID: field.text({ label: "Xero invoice ID", help: "The invoice being paid." }),
  Amount: field.number({ label: "Amount", required: true, positive: true }),
  Date: field.date({ label: "Payment date", required: true }),
  Notes: field.longText({ label: "Notes", placeholder: "Optional" }),
  Confirmed: field.boolean({ label: "Confirmed", default: false }),
  Status: field.select({
    label: "Status",
    default: "DRAFT",
    options: {
      static: [
        { value: "DRAFT", label: "Draft" },
        { value: "AUTHORISED", label: "Approved" },
      ],
    },
  }),
  AccountCode: field.select({ label: "Account", options: { loader: "test.accounts" } }),
  TrackingOption: field.select({
    label: "Tracking option",
    options: { loader: "test.trackingOptions", dependsOn: ["AccountCode"] },
    requiredWhen: { field: "Status", equals: "AUTHORISED" },
  }),
  Lines: field.list({
    label: "Line items",
    required: true,
    item: {
      Description: field.longText({ label: "Description", maxLength: 4000 }),
      UnitAmount: field.number({ label: "Unit price", required: true }),
    },
  }),
};

describe("field builders", () => {
  it("give the editor's FieldSpec of each field, named by its key, in declaration order", () => {
    const expected: FieldSpec[] = [
      { name: "InvoiceID", label: "Xero invoice ID", type: "string", help: "The invoice being paid." },
      { name: "Amount", label: "Amount", type: "number", required: true, positive: true },
      { name: "Date", label: "Payment date", type: "date", required: true },
      { name: "Notes", label: "Notes", type: "text", placeholder: "Optional" },
      { name: "Confirmed", label: "Confirmed", type: "boolean", default: false },
      {
        name: "Status",
        label: "Status",
        type: "select",
        default: "DRAFT",
        options: {
          static: [
            { value: "DRAFT", label: "Draft" },
            { value: "AUTHORISED", label: "Approved" },
          ],
        },
      },
      { name: "AccountCode", label: "Account", type: "select", options: { loader: "test.accounts" } },
      {
        name: "TrackingOption",
        label: "Tracking option",
        type: "select",
        options: { loader: "test.trackingOptions", dependsOn: ["AccountCode"] },
        requiredWhen: { field: "Status", equals: "AUTHORISED" },
      },
      {
        name: "Lines",
        label: "Line items",
        type: "list",
        required: true,
        itemFields: [
          { name: "Description", label: "Description", type: "text", maxLength: 4000 },
          { name: "UnitAmount", label: "Unit price", type: "number", required: true },
        ],
      },
    ];
    const specs = fieldSpecs(payment);
    expect(specs).toStrictEqual(expected);
    // Plain data all the way down: what the server renders into the editor's page is the same.
    expect(JSON.parse(JSON.stringify(specs))).toStrictEqual(expected);
  });

  it("leave out a field a variant does not have", () => {
    const discount = field.number({ label: "Discount %" });
    const sales: Fields = { Description: field.text({ label: "Description" }), DiscountRate: discount };
    const purchases: Fields = { Description: field.text({ label: "Description" }), DiscountRate: undefined };
    expect(fieldSpecs(sales).map((spec) => spec.name)).toEqual(["Description", "DiscountRate"]);
    expect(fieldSpecs(purchases).map((spec) => spec.name)).toEqual(["Description"]);
  });

  it("type the parsed input: required or defaulted fields present, choices as their values", () => {
    // Checked by the type checker (`tsc`); a wrong inference fails the typecheck.
    expectTypeOf<InputOf<typeof payment>>().toEqualTypeOf<{
      Amount: number;
      Date: string;
      Confirmed: boolean;
      Status: "DRAFT" | "AUTHORISED";
      Lines: { UnitAmount: number; Description?: string }[];
      InvoiceID?: string;
      Notes?: string;
      AccountCode?: string;
      TrackingOption?: string;
    }>();
  });

  it("type a verbatim text field as text or the number it was mapped from", () => {
    const fields = { text: field.text({ label: "Text", required: true, verbatim: true }) };
    expect(fieldSpecs(fields)).toEqual([
      { name: "text", label: "Text", type: "string", required: true, verbatim: true },
    ]);
    expectTypeOf<InputOf<typeof fields>>().toEqualTypeOf<{ text: string | number }>();
  });
});
