import { describe, expect, it } from "vitest";
import { testFieldErrors } from "./test-field-errors";

describe("testFieldErrors", () => {
  it("puts a line's problem on its field of that line, and names the line on the list", () => {
    const errors = testFieldErrors([
      { field: "LineItems[1].AccountCode", message: "Account code '999' is not a valid code for this document." },
      { field: "LineItems[1].TaxType", message: "The TaxType code 'X' does not exist." },
      { field: "DueDate", message: "DueDate must be a valid date." },
    ]);
    expect(errors.fields.get("LineItems")).toBe(
      "Line 2: Account code '999' is not a valid code for this document.\nLine 2: The TaxType code 'X' does not exist.",
    );
    expect(errors.items.get("LineItems")).toEqual({
      "1.AccountCode": "Account code '999' is not a valid code for this document.",
      "1.TaxType": "The TaxType code 'X' does not exist.",
    });
    expect(errors.fields.get("DueDate")).toBe("DueDate must be a valid date.");
  });

  it("keeps a line field's problem whose line is unknown on the field alone", () => {
    const errors = testFieldErrors([{ field: "LineItems.AccountCode", message: "Account code must be specified." }]);
    expect(errors.fields.get("LineItems")).toBe("Account code must be specified.");
    expect(errors.items.get("LineItems")).toEqual({ AccountCode: "Account code must be specified." });
  });
});
