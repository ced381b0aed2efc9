import type { DataPickerGroup } from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import {
  describeReference,
  fromSegments,
  hasReferences,
  humanize,
  splitTail,
  toSegments,
  withoutSegment,
} from "./template-segments";

// The pills field's model: text ↔ [text | reference] segments, and what a pill says about its reference.

describe("toSegments", () => {
  it("splits text and references in order, and joins back to the same text", () => {
    const value = "Order {{trigger.body.order_id}} for {{steps.find_contact.Name}}";
    expect(toSegments(value)).toEqual([
      { kind: "text", text: "Order " },
      { kind: "reference", path: "trigger.body.order_id", raw: "{{trigger.body.order_id}}" },
      { kind: "text", text: " for " },
      { kind: "reference", path: "steps.find_contact.Name", raw: "{{steps.find_contact.Name}}" },
    ]);
    expect(fromSegments(toSegments(value))).toBe(value);
  });

  it("gives nothing for an empty value, and one text segment for plain text", () => {
    expect(toSegments("")).toEqual([]);
    expect(toSegments("Shop order")).toEqual([{ kind: "text", text: "Shop order" }]);
  });

  it("keeps adjacent references apart, with no empty text between them", () => {
    expect(toSegments("{{trigger.a}}{{trigger.b}}")).toEqual([
      { kind: "reference", path: "trigger.a", raw: "{{trigger.a}}" },
      { kind: "reference", path: "trigger.b", raw: "{{trigger.b}}" },
    ]);
  });

  it("reads whitespace inside the braces as the resolver does, and keeps it as written", () => {
    const [segment] = toSegments("{{  trigger.body.total }}");
    expect(segment).toEqual({ kind: "reference", path: "trigger.body.total", raw: "{{  trigger.body.total }}" });
    expect(fromSegments(toSegments(" {{ trigger.x }} "))).toBe(" {{ trigger.x }} ");
  });

  it("normalises bracketed indices to the data picker's dotted paths", () => {
    expect(toSegments("{{trigger.body.lines[0].name}}")[0]).toMatchObject({ path: "trigger.body.lines.0.name" });
  });

  it("reads `$each` item references like any other", () => {
    expect(toSegments("SKU {{item.sku}}")).toEqual([
      { kind: "text", text: "SKU " },
      { kind: "reference", path: "item.sku", raw: "{{item.sku}}" },
    ]);
  });

  it("leaves an unclosed `{{` as text, also before a real reference", () => {
    expect(toSegments("Order {{trigger.body.id")).toEqual([{ kind: "text", text: "Order {{trigger.body.id" }]);
    // The regex matches the innermost `{{…}}`: the stray braces before it stay text.
    expect(toSegments("{{ {{trigger.id}}")).toEqual([
      { kind: "text", text: "{{ " },
      { kind: "reference", path: "trigger.id", raw: "{{trigger.id}}" },
    ]);
  });

  it("leaves braces that are not a path as text: empty, spaces, operators, prototype names", () => {
    for (const value of ["{{}}", "{{ }}", "{{ a + b }}", "{{trigger.__proto__}}", "{{a..b}}"]) {
      expect(toSegments(value)).toEqual([{ kind: "text", text: value }]);
    }
    expect(toSegments("a {{}} {{trigger.x}}")).toEqual([
      { kind: "text", text: "a {{}} " },
      { kind: "reference", path: "trigger.x", raw: "{{trigger.x}}" },
    ]);
  });

  it("says whether there is any reference", () => {
    expect(hasReferences(toSegments("{{}} and {{ nope"))).toBe(false);
    expect(hasReferences(toSegments("{{line.qty}}"))).toBe(true);
  });
});

describe("splitTail and withoutSegment", () => {
  it("gives the text after the last reference as the tail, and the rest as the head", () => {
    expect(splitTail("Order {{trigger.id}} paid")).toEqual({ head: "Order {{trigger.id}}", tail: " paid" });
    expect(splitTail("Order {{trigger.id}}")).toEqual({ head: "Order {{trigger.id}}", tail: "" });
    expect(splitTail("no references {{")).toEqual({ head: "", tail: "no references {{" });
    expect(splitTail("")).toEqual({ head: "", tail: "" });
  });

  it("removes one pill and joins the text around it", () => {
    expect(withoutSegment("Order {{trigger.id}} paid", 1)).toBe("Order  paid");
    expect(withoutSegment("{{trigger.a}}{{trigger.b}}", 0)).toBe("{{trigger.b}}");
  });
});

const groups: DataPickerGroup[] = [
  {
    key: "trigger",
    title: "Trigger",
    fromExample: false,
    references: [
      {
        path: "trigger.body.order_id",
        template: "{{trigger.body.order_id}}",
        label: "body › order_id",
        preview: "1042",
        type: "number",
      },
      {
        path: "trigger.body.note",
        template: "{{trigger.body.note}}",
        label: "body › note",
        preview: "",
        type: "empty",
      },
      {
        path: "trigger.body.lines.0",
        template: "{{trigger.body.lines.0}}",
        label: "body › lines › item 1",
        preview: "2 fields",
        type: "object",
      },
    ],
  },
  {
    key: "find_contact",
    title: "2. Find contact",
    fromExample: true,
    references: [
      {
        path: "steps.find_contact.ContactID",
        template: "{{steps.find_contact.ContactID}}",
        label: "ContactID",
        preview: "c-1",
        type: "text",
      },
    ],
  },
  {
    key: "line",
    title: "Each line",
    fromExample: false,
    references: [
      { path: "line.unitPrice", template: "{{line.unitPrice}}", label: "unitPrice", preview: "12.5", type: "number" },
    ],
  },
];

describe("describeReference", () => {
  it("names a trigger value by its key, with its source and sample, and says it in words", () => {
    expect(describeReference("trigger.body.order_id", groups)).toEqual({
      path: "trigger.body.order_id",
      label: "Order id",
      source: "Trigger",
      sample: "1042",
      found: true,
      spoken: "Order id from the trigger, sample 1042",
    });
  });

  it("numbers a step as the editor does, and reads an item's values from its own group", () => {
    expect(describeReference("steps.find_contact.ContactID", groups)).toMatchObject({
      label: "Contact ID",
      spoken: "Contact ID from step 2 Find contact, sample c-1",
    });
    expect(describeReference("line.unitPrice", groups)).toMatchObject({
      label: "Unit price",
      spoken: "Unit price from each line, sample 12.5",
    });
  });

  it("shows an empty sample value and a list's item as such", () => {
    expect(describeReference("trigger.body.note", groups)).toMatchObject({ sample: "(empty)" });
    expect(describeReference("trigger.body.lines.0", groups)).toMatchObject({ label: "Lines item 1" });
  });

  it("keeps the path of a reference the sample does not have, and says so", () => {
    expect(describeReference("trigger.body.customer.fullname", groups)).toEqual({
      path: "trigger.body.customer.fullname",
      label: "trigger.body.customer.fullname",
      source: "Trigger",
      sample: undefined,
      found: false,
      spoken: "trigger.body.customer.fullname from the trigger, not in the sample",
    });
    expect(describeReference("steps.find_contact.Missing", groups)).toMatchObject({
      source: "2. Find contact",
      found: false,
    });
    expect(describeReference("steps.untested.Total", groups)).toMatchObject({ source: "Step untested", found: false });
  });
});

describe("humanize", () => {
  it("turns keys into words, keeping acronyms", () => {
    expect(humanize("order_id")).toBe("Order id");
    expect(humanize("orderId")).toBe("Order id");
    expect(humanize("ContactID")).toBe("Contact ID");
    expect(humanize("InvoiceNumber")).toBe("Invoice number");
    expect(humanize("due-date")).toBe("Due date");
    expect(humanize("HTMLBody")).toBe("HTML body");
  });
});
