import type { FieldSpec } from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import { savedRecord } from "../xero-records";
import { fieldsForMessage } from "./field-for-message";
import { parseXeroRejection } from "./xero-failure";
import { xeroStepError } from "./xero-step-error";

// The shapes below are the ones xero-node 20 rejects with (see dist/gen/api/accountingApi.js and
// dist/model/ApiError.js); the integration tests produce them for real through the sandbox.

const context = { operation: "create the invoice" };

describe("parseXeroRejection", () => {
  it("reads the JSON string xero-node rejects with when axios throws", () => {
    const rejection = JSON.stringify({
      response: {
        statusCode: 429,
        body: { Title: "Too Many Requests" },
        headers: { "Retry-After": "7", "X-Rate-Limit-Problem": "minute" },
        request: { url: {}, headers: {}, method: "PUT" },
      },
      body: { Title: "Too Many Requests" },
    });
    expect(parseXeroRejection(rejection)).toEqual({
      status: 429,
      body: { Title: "Too Many Requests" },
      headers: { "retry-after": "7", "x-rate-limit-problem": "minute" },
    });
  });

  it("reads the response object xero-node rejects with when axios did not throw", () => {
    const rejection = {
      response: { status: 404, data: "The resource you're looking for cannot be found", headers: {} },
    };
    expect(parseXeroRejection(rejection)).toMatchObject({
      status: 404,
      body: expect.stringContaining("cannot be found"),
    });
  });

  it("keeps the message of a plain Error (a network failure or a bad argument)", () => {
    expect(parseXeroRejection(new Error("socket hang up"))).toEqual({ status: 0, body: "socket hang up", headers: {} });
  });
});

describe("xeroStepError", () => {
  it("uses Xero's message verbatim for a request-level 400", () => {
    const error = xeroStepError(
      {
        status: 400,
        body: { ErrorNumber: 16, Type: "QueryParseException", Message: "No property or field 'Nme' exists" },
        headers: {},
      },
      context,
    );
    expect(error).toMatchObject({
      code: "xero_validation",
      retryable: false,
      message: "No property or field 'Nme' exists",
    });
  });

  it("joins several validation messages, one per line, and keeps them in the details", () => {
    const body = {
      Elements: [
        {
          ValidationErrors: [{ Message: "Email address must be valid." }],
          LineItems: [{ ValidationErrors: [{ Message: "Account code '9' is not a valid code for this document." }] }],
        },
      ],
    };
    const error = xeroStepError({ status: 400, body, headers: {} }, context);
    expect(error.message).toBe("Email address must be valid.\nAccount code '9' is not a valid code for this document.");
    expect(error.details?.validationErrors).toHaveLength(2);
  });

  it("reads Retry-After given as an HTTP date", () => {
    const inTenSeconds = new Date(Date.now() + 10_000).toUTCString();
    const error = xeroStepError({ status: 429, body: "", headers: { "retry-after": inTenSeconds } }, context);
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBeGreaterThan(8_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(10_000);
  });

  it("keeps tokens and secrets out of the message of a 401", () => {
    const error = xeroStepError(
      {
        status: 401,
        body: { Title: "Unauthorized", Detail: "TokenExpired: token expired at 11/24/2026" },
        headers: {},
      },
      context,
    );
    expect(error.message).toBe("Xero rejected the connection's credentials — reconnect it on the Connections page");
    expect(error.retryable).toBe(false);
  });
});

describe("savedRecord", () => {
  it("treats a 200 whose element carries validation errors as a failed write", () => {
    const body = {
      Invoices: [{ InvoiceID: "x", HasErrors: true, ValidationErrors: [{ Message: "Invoice # must be unique." }] }],
    };
    expect(() => savedRecord(body, "Invoices", context)).toThrow("Invoice # must be unique.");
  });

  it("drops Xero's empty bookkeeping flags from a saved object", () => {
    const body = { Contacts: [{ ContactID: "c", Name: "A", ValidationErrors: [], HasValidationErrors: false }] };
    expect(savedRecord(body, "Contacts", context)).toEqual({ ContactID: "c", Name: "A" });
  });
});

describe("fieldsForMessage", () => {
  const fields: FieldSpec[] = [
    { name: "Date", label: "Date", type: "date" },
    { name: "DueDate", label: "Due date", type: "date" },
    {
      name: "LineItems",
      label: "Lines",
      type: "list",
      itemFields: [
        { name: "AccountCode", label: "Account", type: "select" },
        { name: "TrackingCategory1", label: "Category", type: "select" },
        { name: "TrackingOption1", label: "Option", type: "select" },
      ],
    },
  ];

  it("names the field Xero's message is about", () => {
    expect(fieldsForMessage("DueDate must be a valid date.", fields)).toEqual(["DueDate"]);
    expect(fieldsForMessage("Account code '9' is not a valid code for this document.", fields)).toEqual([
      "LineItems.AccountCode",
    ]);
    expect(fieldsForMessage("The Tracking Option 'X' does not exist for Tracking Category 'Region'.", fields)).toEqual([
      "LineItems.TrackingOption1",
    ]);
  });

  it("matches whole words only, and nothing when no field is named", () => {
    expect(fieldsForMessage("The document was updated by someone else.", fields)).toEqual([]);
  });
});
