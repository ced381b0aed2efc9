import { describe, expect, it } from "vitest";
import { chooseRunTitle, renderRunTitle, runTitleParts } from "./run-title";

describe("chooseRunTitle", () => {
  it("picks an id, a name and an amount from a webhook's sample body, in that order", () => {
    const sample = {
      body: {
        total: 120.5,
        customer: { email: "ops@acme.test", name: "Acme Ltd" },
        notes: "leave at the door",
        order_id: "1042",
      },
    };
    expect(chooseRunTitle(sample)).toBe(
      "{{trigger.body.order_id}} · {{trigger.body.customer.name}} · {{trigger.body.total}}",
    );
  });

  it("reads camelCase and kebab keys alike and prefers an order number over a bare id", () => {
    const sample = { body: { id: 7, orderNumber: "SO-7", "Customer-Name": "Bravo", amount: "9.99" } };
    expect(chooseRunTitle(sample)).toBe(
      "{{trigger.body.orderNumber}} · {{trigger.body.Customer-Name}} · {{trigger.body.amount}}",
    );
  });

  it("takes what there is, and nothing when the sample names none of them", () => {
    expect(chooseRunTitle({ body: { contact: "Carla", colour: "red" } })).toBe("{{trigger.body.contact}}");
    expect(chooseRunTitle({ body: { colour: "red", size: 3 } })).toBeNull();
    expect(chooseRunTitle(undefined)).toBeNull();
    expect(chooseRunTitle({ body: "not an object" })).toBeNull();
  });

  it("reads a sample without a body as a whole, and skips keys a template cannot name", () => {
    expect(chooseRunTitle({ reference: "R-1", "total amount": 5, invoice: { number: "INV-9" } })).toBe(
      "{{trigger.reference}}",
    );
  });
});

describe("renderRunTitle", () => {
  const trigger = { body: { order_id: 1042, customer: { name: "Acme Ltd" }, total: 120.5 } };

  it("renders the template with the step inputs' renderer", () => {
    expect(
      renderRunTitle(
        "Order {{trigger.body.order_id}} · {{ trigger.body.customer.name }} · {{trigger.body.total}}",
        trigger,
      ),
    ).toBe("Order 1042 · Acme Ltd · 120.5");
    expect(renderRunTitle("{{trigger.body.total}}", trigger)).toBe("120.5");
  });

  it("leaves no dangling separator for a missing part, and is null when nothing was found", () => {
    expect(
      renderRunTitle("{{trigger.body.order_id}} · {{trigger.body.missing}} · {{trigger.body.total}}", trigger),
    ).toBe("1042 · 120.5");
    expect(renderRunTitle("Order {{trigger.body.nothing}}", trigger)).toBeNull();
    expect(renderRunTitle("Order {{steps.find_contact.Name}}", trigger)).toBeNull();
    expect(renderRunTitle("Weekly check", null)).toBe("Weekly check");
  });

  it("is cut at 200 characters", () => {
    const title = renderRunTitle("{{trigger.body.note}}", { body: { note: "x".repeat(500) } });
    expect(title).toHaveLength(200);
    expect(title?.endsWith("…")).toBe(true);
  });
});

describe("runTitleParts", () => {
  it("splits a template into text and trigger paths", () => {
    expect(runTitleParts("Order {{trigger.body.lines[0].sku}} for {{steps.x.y}}")).toEqual([
      { text: "Order " },
      { trigger: ["body", "lines", "0", "sku"] },
      { text: " for " },
      { trigger: null },
    ]);
  });
});
