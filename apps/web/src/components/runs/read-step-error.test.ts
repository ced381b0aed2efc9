import { describe, expect, it } from "vitest";
import { readStepError } from "./read-step-error";

describe("readStepError", () => {
  it("reads a stored StepError with Xero's validation messages", () => {
    expect(
      readStepError({
        message: "Account code '999' is not valid.\nA Contact must be specified.",
        code: "xero_validation",
        retryable: false,
        field: "LineItems.AccountCode",
        details: {
          status: 400,
          validationErrors: ["Account code '999' is not valid.", "A Contact must be specified."],
        },
      }),
    ).toEqual({
      message: "Account code '999' is not valid.\nA Contact must be specified.",
      code: "xero_validation",
      field: "LineItems.AccountCode",
      httpStatus: 400,
      validationErrors: ["Account code '999' is not valid.", "A Contact must be specified."],
      // Stored before problems were listed: which message is the field's cannot be told.
      fieldProblems: [],
    });
  });

  it("reads each problem on its field and line, leaving out those that name none", () => {
    const error = readStepError({
      message: "Account code '999' is not a valid code for this document.\nInvoice # must be unique.",
      code: "xero_validation",
      field: "LineItems[1].AccountCode",
      details: {
        status: 400,
        problems: [
          { field: "LineItems[1].AccountCode", message: "Account code '999' is not a valid code for this document." },
          { message: "Something about the whole invoice." },
          { field: 7, message: "odd" },
        ],
      },
    });
    expect(error?.fieldProblems).toEqual([
      { field: "LineItems[1].AccountCode", message: "Account code '999' is not a valid code for this document." },
    ]);
  });

  it("shows a code stored under an older name by its current name, and an unknown one as stored", () => {
    const codeOf = (code: string) => readStepError({ message: "Stored before.", code })?.code;
    expect(codeOf("no_connection")).toBe("invalid_input");
    expect(codeOf("cancelled")).toBe("aborted");
    expect(codeOf("some_future_code")).toBe("some_future_code");
  });

  it("tolerates other shapes: nothing, a plain string, odd fields", () => {
    expect(readStepError(null)).toBeNull();
    expect(readStepError("Timed out")).toEqual({ message: "Timed out", validationErrors: [], fieldProblems: [] });
    expect(readStepError({ message: 42, details: { validationErrors: "nope" } })).toEqual({
      message: "The step failed without a message.",
      code: undefined,
      field: undefined,
      httpStatus: undefined,
      validationErrors: [],
      fieldProblems: [],
    });
  });
});
