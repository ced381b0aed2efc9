import { describe, expect, it } from "vitest";
import { createCatalog } from "./catalog";
import { createRecordingCatalog } from "./testing/recording-catalog";

describe("createCatalog", () => {
  const { catalog } = createRecordingCatalog();

  it("looks entries up by key", () => {
    expect(catalog.get("test.createInvoice")?.title).toBe("Create invoice");
    expect(catalog.get("test.unknown")).toBeUndefined();
    expect(catalog.get("constructor")).toBeUndefined();
  });

  it("lists entries in declared order, and by group in order of first appearance", () => {
    expect(catalog.list().map((action) => action.key)).toEqual([
      "test.findOrCreateContact",
      "test.createInvoice",
      "test.failing",
    ]);
    expect(catalog.groups().map(({ group, actions }) => [group, actions.length])).toEqual([
      ["Contacts", 1],
      ["Invoices", 1],
      ["Testing", 1],
    ]);
  });

  it("refuses two entries with the same key", () => {
    const [first] = catalog.list();
    expect(() => createCatalog([first!, { ...first! }])).toThrow(
      'Two catalog entries share the key "test.findOrCreateContact"',
    );
  });
});
