import { describe, expect, it } from "vitest";
import type { FieldSpec } from "./action-definition";
import { resolveStepInput } from "./template-resolver";
import { validateStepInput } from "./validate-step-input";

const invoiceFields: FieldSpec[] = [
  { name: "ContactName", label: "Customer name", type: "string", required: true },
  { name: "Date", label: "Invoice date", type: "date" },
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
  { name: "SendToContact", label: "Email the invoice", type: "boolean" },
  { name: "AccountCode", label: "Account", type: "select", options: { loader: "accounts.revenue" } },
  {
    name: "LineItems",
    label: "Line items",
    type: "list",
    required: true,
    itemFields: [
      { name: "Description", label: "Description", type: "text" },
      { name: "Quantity", label: "Quantity", type: "number", default: 1 },
      { name: "UnitAmount", label: "Unit price", type: "number", required: true },
    ],
  },
];

const matchFields: FieldSpec[] = [
  {
    name: "matchBy",
    label: "Find the contact by",
    type: "select",
    required: true,
    default: "Name",
    options: {
      static: [
        { value: "Name", label: "Contact name" },
        { value: "AccountNumber", label: "Account number" },
      ],
    },
  },
  { name: "Name", label: "Contact name", type: "string", requiredWhen: { field: "matchBy", equals: "Name" } },
  {
    name: "AccountNumber",
    label: "Account number",
    type: "string",
    requiredWhen: { field: "matchBy", equals: "AccountNumber" },
  },
];

const validLine = { UnitAmount: 10 };

describe("coercion", () => {
  it("reads numbers, booleans, dates and choices the way a bookkeeper means them", () => {
    const result = validateStepInput(
      {
        ContactName: "  Ana's Bakery ",
        Date: "2026-03-31T23:30:00+13:00",
        Status: "approved",
        SendToContact: "TRUE",
        AccountCode: 200,
        LineItems: [{ Description: "Bread ", Quantity: "2", UnitAmount: "4.50" }],
      },
      invoiceFields,
    );
    expect(result).toEqual({
      ok: true,
      input: {
        ContactName: "Ana's Bakery",
        Date: "2026-03-31",
        Status: "AUTHORISED",
        SendToContact: true,
        AccountCode: "200",
        LineItems: [{ Description: "Bread", Quantity: 2, UnitAmount: 4.5 }],
      },
    });
  });

  it("accepts Xero's own /Date(…)/ values", () => {
    const result = validateStepInput(
      { ContactName: "A", Date: "/Date(1718064000000+0000)/", LineItems: [validLine] },
      invoiceFields,
    );
    expect(result.ok && result.input.Date).toBe("2024-06-11");
  });

  it("fills defaults, drops empty optional fields and keys the action does not declare", () => {
    const result = validateStepInput(
      { ContactName: "A", Date: "", Status: null, Unknown: "x", LineItems: [validLine] },
      invoiceFields,
    );
    expect(result).toEqual({
      ok: true,
      input: { ContactName: "A", Status: "DRAFT", LineItems: [{ Quantity: 1, UnitAmount: 10 }] },
    });
  });

  it("leaves out an empty optional list", () => {
    const fields: FieldSpec[] = [{ name: "Tags", label: "Tags", type: "list" }];
    expect(validateStepInput({ Tags: [] }, fields)).toEqual({ ok: true, input: {} });
    expect(validateStepInput({ Tags: ["a", 1] }, fields)).toEqual({ ok: true, input: { Tags: ["a", 1] } });
  });

  it("treats a single record given for a list as a list of one", () => {
    const result = validateStepInput({ ContactName: "A", LineItems: { UnitAmount: "3" } }, invoiceFields);
    expect(result.ok && result.input.LineItems).toEqual([{ Quantity: 1, UnitAmount: 3 }]);
  });

  it.each([
    ["Date", "31/03/2026", 'Invoice date must be a date like 2026-01-31, but got "31/03/2026"'],
    ["Date", "2026-02-30", 'Invoice date must be a date like 2026-01-31, but got "2026-02-30"'],
    ["Date", "2026-02-01T25:00:00Z", 'Invoice date must be a date like 2026-01-31, but got "2026-02-01T25:00:00Z"'],
    ["Status", "PAID", 'Status must be one of: Draft, Approved, but got "PAID"'],
    ["SendToContact", "maybe", 'Email the invoice must be yes or no (true or false), but got "maybe"'],
    ["ContactName", { first: "Ana" }, "Customer name must be text, but got a group of values"],
  ])("refuses %s = %j", (name, value, message) => {
    const result = validateStepInput({ ContactName: "A", LineItems: [validLine], [name]: value }, invoiceFields);
    expect(result).toEqual({ ok: false, problems: [{ field: name, message }] });
  });

  it("keeps a verbatim field as given: its blanks, and a mapped number as a number", () => {
    const fields: FieldSpec[] = [
      { name: "separator", label: "Separator", type: "string", required: true, verbatim: true },
      { name: "text", label: "Text", type: "string", verbatim: true },
    ];
    expect(validateStepInput({ separator: " ", text: 1.234 }, fields)).toEqual({
      ok: true,
      input: { separator: " ", text: 1.234 },
    });
    expect(validateStepInput({ separator: "", text: "  a " }, fields)).toEqual({
      ok: false,
      problems: [{ field: "separator", message: "Separator is required" }],
    });
    expect(validateStepInput({ separator: ", ", text: true }, fields)).toEqual({
      ok: true,
      input: { separator: ", ", text: "true" },
    });
  });

  it("refuses a number too large to be one (1e400 is Infinity), naming the field", () => {
    const result = validateStepInput({ ContactName: "A", LineItems: [{ UnitAmount: "-1e400" }] }, invoiceFields);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          field: "LineItems[0].UnitAmount",
          message: 'Unit price (Line items, row 1) must be a number like 12.50, but got "-1e400"',
        },
      ],
    });
  });

  it("refuses numbers written with separators rather than guessing", () => {
    const result = validateStepInput({ ContactName: "A", LineItems: [{ UnitAmount: "1,234.50" }] }, invoiceFields);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          field: "LineItems[0].UnitAmount",
          message: 'Unit price (Line items, row 1) must be a number like 12.50, but got "1,234.50"',
        },
      ],
    });
  });
});

describe("required fields", () => {
  it("lists every missing required field with its label", () => {
    const result = validateStepInput({ LineItems: [] }, invoiceFields);
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: "ContactName", message: "Customer name is required" },
        { field: "LineItems", message: "Line items needs at least one entry" },
      ],
    });
  });

  it("applies requiredWhen against the other field's value, default included", () => {
    expect(validateStepInput({}, matchFields)).toEqual({
      ok: false,
      problems: [{ field: "Name", message: "Contact name is required" }],
    });
    expect(validateStepInput({ matchBy: "AccountNumber", Name: "" }, matchFields)).toEqual({
      ok: false,
      problems: [{ field: "AccountNumber", message: "Account number is required" }],
    });
    expect(validateStepInput({ matchBy: "account number", AccountNumber: "A-1" }, matchFields)).toEqual({
      ok: true,
      input: { matchBy: "AccountNumber", AccountNumber: "A-1" },
    });
  });
});

describe("messages name where a mapped value came from", () => {
  const trigger = { body: { customer: "", lines: [{ name: "Bread", price: 4.5 }, { name: "Cake" }] } };
  const mapping = {
    ContactName: "{{trigger.body.customer}}",
    LineItems: {
      $each: "{{trigger.body.lines}}",
      as: "line",
      map: { Description: "{{line.name}}", UnitAmount: "{{line.price}}" },
    },
  };

  it("reports an empty mapped field with its reference and absolute data path", () => {
    const { value, references } = resolveStepInput(mapping, { trigger, steps: {} });
    expect(validateStepInput(value, invoiceFields, references)).toEqual({
      ok: false,
      problems: [
        {
          field: "ContactName",
          message: "Customer name is required, but {{trigger.body.customer}} was empty",
          sourcePath: "trigger.body.customer",
        },
        {
          field: "LineItems[1].UnitAmount",
          message:
            "Unit price (Line items, row 2) is required, but {{line.price}} (trigger.body.lines.1.price) was empty",
          sourcePath: "trigger.body.lines.1.price",
        },
      ],
    });
  });

  it("reports a missing $each list at the list field", () => {
    const { value, references } = resolveStepInput(mapping, { trigger: { body: { customer: "A" } }, steps: {} });
    expect(validateStepInput(value, invoiceFields, references)).toEqual({
      ok: false,
      problems: [
        {
          field: "LineItems",
          message: "Line items is required, but {{trigger.body.lines}} was empty",
          sourcePath: "trigger.body.lines",
        },
      ],
    });
  });

  it("names the source of a value of the wrong type", () => {
    const { value, references } = resolveStepInput(
      { ContactName: "A", LineItems: [{ UnitAmount: "{{trigger.body.lines.0.name}}" }] },
      { trigger, steps: {} },
    );
    expect(validateStepInput(value, invoiceFields, references)).toEqual({
      ok: false,
      problems: [
        {
          field: "LineItems[0].UnitAmount",
          message:
            'Unit price (Line items, row 1) must be a number like 12.50, but got "Bread", from {{trigger.body.lines.0.name}}',
          sourcePath: "trigger.body.lines.0.name",
        },
      ],
    });
  });
});
