import { afterEach, describe, expect, it } from "vitest";
import { listTriggerChoices } from "./list-trigger-choices";

// The editor's "App event" list, read from the real registry: what reaches the browser and when
// the instant triggers poll instead.
const key = process.env.XERO_WEBHOOK_KEY;
afterEach(() => {
  if (key === undefined) delete process.env.XERO_WEBHOOK_KEY;
  else process.env.XERO_WEBHOOK_KEY = key;
});

describe("listTriggerChoices", () => {
  it("lists Xero's triggers in its words, with their connector, as plain data for the browser", () => {
    process.env.XERO_WEBHOOK_KEY = "a-key";
    const choices = listTriggerChoices();
    const paid = choices.find((choice) => choice.key === "xero.invoice.paid");
    expect(paid).toMatchObject({
      title: "Invoice paid",
      group: "Sales invoices",
      connector: { key: "xero", title: "Xero", accountNoun: "organisation" },
      polls: false,
      loadsSample: true,
      sample: { record: { Status: "PAID" } },
    });
    expect(choices.map((choice) => choice.title)).toContain("New bill");
    // Nothing of the code that accepts, polls or loads goes to the browser.
    expect(JSON.parse(JSON.stringify(choices))).toEqual(choices);
    expect(paid).not.toHaveProperty("source");
  });

  it("says the instant triggers poll while no webhook key lets Xero's pushes in", () => {
    process.env.XERO_WEBHOOK_KEY = "";
    expect(listTriggerChoices().every((choice) => choice.polls)).toBe(true);
  });
});
