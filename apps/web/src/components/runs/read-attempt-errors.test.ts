import { describe, expect, it } from "vitest";
import { readEarlierAttemptErrors } from "./read-attempt-errors";

const stored = [
  { message: "Xero had a problem (HTTP 503).", code: "xero_unavailable", at: "2026-12-02T10:00:00.000Z" },
  { message: "Xero's minute rate limit was reached.", code: "rate_limited", at: "2026-12-02T10:00:05.000Z" },
];

describe("readEarlierAttemptErrors", () => {
  it("lists every failed attempt of a step that later succeeded", () => {
    expect(readEarlierAttemptErrors(stored, "SUCCEEDED").map((error) => error.code)).toEqual([
      "xero_unavailable",
      "rate_limited",
    ]);
  });

  it("leaves out a failed step's last attempt, which is its error", () => {
    expect(readEarlierAttemptErrors(stored, "FAILED").map((error) => error.code)).toEqual(["xero_unavailable"]);
  });

  it("shows codes stored under an older name by their current name", () => {
    const older = [{ message: "The run was stopped.", code: "cancelled", at: "2026-12-01T10:00:00.000Z" }];
    expect(readEarlierAttemptErrors(older, "SUCCEEDED").map((error) => error.code)).toEqual(["aborted"]);
  });

  it("reads nothing from rows without attempt errors or with another shape", () => {
    expect(readEarlierAttemptErrors(null, "SUCCEEDED")).toEqual([]);
    expect(readEarlierAttemptErrors({ message: "not a list" }, "SUCCEEDED")).toEqual([]);
  });
});
