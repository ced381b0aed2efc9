import { describe, expect, it } from "vitest";
import { resolveStepInput, resolveTemplates, type TemplateContext } from "./template-resolver";

const context: TemplateContext = {
  trigger: {
    body: {
      email: "ana@example.com",
      customer: "Ana's Bakery",
      total: 42.5,
      paid: false,
      note: null,
      address: { city: "Wellington", country: "NZ" },
      lines: [
        { name: "Bread", qty: 2, price: 4.5, tags: ["fresh", "daily"] },
        { name: "Cake", qty: 1, price: 30, tags: [] },
      ],
    },
  },
  steps: { find_contact: { ContactID: "c-1", found: true, Addresses: [{ City: "Auckland" }] } },
};

function resolve(mapping: unknown) {
  return resolveTemplates(mapping, context);
}

describe("whole-field references keep the value's type", () => {
  it("keeps numbers, booleans, null, objects and lists as they are", () => {
    expect(resolve("{{trigger.body.total}}").value).toBe(42.5);
    expect(resolve("{{trigger.body.paid}}").value).toBe(false);
    expect(resolve("{{trigger.body.note}}").value).toBeNull();
    expect(resolve("{{trigger.body.address}}").value).toEqual({ city: "Wellington", country: "NZ" });
    expect(resolve("{{trigger.body.lines.1.tags}}").value).toEqual([]);
  });

  it("allows spaces inside and around the braces", () => {
    expect(resolve("  {{  trigger.body.total  }} ").value).toBe(42.5);
  });

  it("reads earlier steps' outputs", () => {
    expect(resolve("{{steps.find_contact.ContactID}}").value).toBe("c-1");
    expect(resolve("{{steps.find_contact.Addresses[0].City}}").value).toBe("Auckland");
  });

  it("returns a copy, so an action cannot change the trigger", () => {
    const address = resolve("{{trigger.body.address}}").value as Record<string, unknown>;
    address.city = "Changed";
    expect(resolve("{{trigger.body.address.city}}").value).toBe("Wellington");
  });
});

describe("paths", () => {
  it("accepts dotted and bracketed indices alike", () => {
    expect(resolve("{{trigger.body.lines.1.name}}").value).toBe("Cake");
    expect(resolve("{{trigger.body.lines[1].name}}").value).toBe("Cake");
    expect(resolve("{{trigger.body.lines[0].tags[1]}}").value).toBe("daily");
  });

  it("resolves missing paths to undefined and reports them with the full path", () => {
    const result = resolve("{{trigger.body.lines.5.name}}");
    expect(result.value).toBeUndefined();
    expect(result.references).toEqual([
      {
        at: [],
        template: "{{trigger.body.lines.5.name}}",
        path: "trigger.body.lines.5.name",
        found: false,
        whole: true,
      },
    ]);
  });

  it("treats a path through a scalar, an unknown root or an unknown step as missing", () => {
    expect(resolve("{{trigger.body.email.length}}").value).toBeUndefined();
    expect(resolve("{{body.email}}").value).toBeUndefined();
    expect(resolve("{{steps.nope.ContactID}}").value).toBeUndefined();
  });

  it("treats something that is not a path as missing instead of evaluating it", () => {
    for (const text of ["{{1 + 1}}", "{{trigger.body.total * 2}}", "{{process.exit()}}", "{{ }}", "{{a..b}}"]) {
      expect(resolve(text).value, text).toBeUndefined();
    }
  });
});

describe("text with references", () => {
  it("stringifies numbers, booleans and objects, and leaves missing values empty", () => {
    expect(resolve("Order for {{trigger.body.customer}}: {{trigger.body.total}} NZD").value).toBe(
      "Order for Ana's Bakery: 42.5 NZD",
    );
    expect(resolve("paid={{trigger.body.paid}} note=[{{trigger.body.note}}] x=[{{trigger.body.x}}]").value).toBe(
      "paid=false note=[] x=[]",
    );
    expect(resolve("at {{trigger.body.address}}").value).toBe('at {"city":"Wellington","country":"NZ"}');
  });

  it("leaves text without references alone", () => {
    expect(resolve("200").value).toBe("200");
    expect(resolve("{ not a template }").value).toBe("{ not a template }");
  });

  it("reports every reference in the text, found or not", () => {
    const { references } = resolve("{{trigger.body.email}} / {{trigger.body.phone}}");
    expect(references.map(({ path, found, whole }) => ({ path, found, whole }))).toEqual([
      { path: "trigger.body.email", found: true, whole: false },
      { path: "trigger.body.phone", found: false, whole: false },
    ]);
  });
});

describe("objects and fixed values", () => {
  it("resolves nested objects and lists, keeping fixed values and dropping fields that resolve to nothing", () => {
    const { value } = resolveStepInput(
      {
        Name: "{{trigger.body.customer}}",
        Phone: "{{trigger.body.phone}}",
        AccountCode: "200",
        Quantity: 3,
        IsSupplier: true,
        Note: null,
        Address: { City: "{{trigger.body.address.city}}", Lines: ["{{trigger.body.email}}", "fixed"] },
      },
      context,
    );
    expect(value).toEqual({
      Name: "Ana's Bakery",
      AccountCode: "200",
      Quantity: 3,
      IsSupplier: true,
      Note: null,
      Address: { City: "Wellington", Lines: ["ana@example.com", "fixed"] },
    });
    expect(Object.hasOwn(value, "Phone")).toBe(false);
  });
});

describe("$each", () => {
  const lineItems = {
    $each: "{{trigger.body.lines}}",
    as: "line",
    map: { Description: "{{line.name}}", Quantity: "{{line.qty}}", UnitAmount: "{{line.price}}", AccountCode: "200" },
  };

  it("maps every item of a list, keeping numbers as numbers", () => {
    expect(resolve(lineItems).value).toEqual([
      { Description: "Bread", Quantity: 2, UnitAmount: 4.5, AccountCode: "200" },
      { Description: "Cake", Quantity: 1, UnitAmount: 30, AccountCode: "200" },
    ]);
  });

  it("reports an item's missing value with the item's absolute path and its place in the output", () => {
    const { references } = resolveStepInput(
      { LineItems: { ...lineItems, map: { Discount: "{{line.discount}}" } } },
      context,
    );
    expect(references.filter((reference) => !reference.found)).toEqual([
      {
        at: ["LineItems", 0, "Discount"],
        template: "{{line.discount}}",
        path: "trigger.body.lines.0.discount",
        found: false,
        whole: true,
      },
      {
        at: ["LineItems", 1, "Discount"],
        template: "{{line.discount}}",
        path: "trigger.body.lines.1.discount",
        found: false,
        whole: true,
      },
    ]);
  });

  it("lets a nested $each see the outer item name", () => {
    const value = resolve({
      $each: "{{trigger.body.lines}}",
      as: "line",
      map: { $each: "{{line.tags}}", as: "tag", map: "{{line.name}}: {{tag}} for {{trigger.body.customer}}" },
    }).value;
    expect(value).toEqual([["Bread: fresh for Ana's Bakery", "Bread: daily for Ana's Bakery"], []]);
  });

  it("treats a single object as a list of one and a missing list as missing", () => {
    expect(resolve({ $each: "{{trigger.body.address}}", as: "a", map: "{{a.city}}" }).value).toEqual(["Wellington"]);
    const missing = resolve({ $each: "{{trigger.body.items}}", as: "item", map: "{{item.name}}" });
    expect(missing.value).toBeUndefined();
    expect(missing.references).toEqual([
      { at: [], template: "{{trigger.body.items}}", path: "trigger.body.items", found: false, whole: true },
    ]);
  });

  it("does not leak the item name outside its $each", () => {
    const value = resolve([lineItems, "{{line.name}}"]).value as unknown[];
    expect(value[1]).toBeUndefined();
  });
});
