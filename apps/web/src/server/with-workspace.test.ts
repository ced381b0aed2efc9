import { StepError } from "@ledgerflow/engine";
import { ConflictError, NotFoundError, RateLimitedError } from "@ledgerflow/runtime";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeInputError, errorResponse } from "./with-workspace";

// The error mapping every route shares. (Session, membership and role checks run in the browser
// tests, where a real next-auth session exists.)

describe("errorResponse", () => {
  it.each([
    [new NotFoundError("Connection"), 404, "Connection not found."],
    [new ConflictError("Already published."), 409, "Already published."],
    [
      new StepError('Reconnect the Xero connection "Demo Company (NZ)" on the Connections page.', {
        code: "connection_needs_reconnect",
      }),
      422,
      'Reconnect the Xero connection "Demo Company (NZ)" on the Connections page.',
    ],
    [new StepError("Being renewed.", { code: "xero_token_refreshing", retryable: true }), 503, "Being renewed."],
    [new StepError("Gone.", { code: "connection_not_found" }), 404, "Gone."],
  ])("maps %s to %i", async (error, status, message) => {
    const response = errorResponse(error);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toBe(message);
  });

  it("tells a rate-limited caller when to come back", () => {
    const response = errorResponse(new RateLimitedError("Slow down.", 90));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("90");
  });

  it("names every invalid field in a 400", async () => {
    const schema = z.object({ name: z.string().min(1, { message: "Enter a name." }), lines: z.array(z.number()) });
    const parsed = schema.safeParse({ name: "", lines: [1, "two"] });
    if (parsed.success) throw new Error("expected invalid input");
    const response = errorResponse(parsed.error);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: string; fieldErrors: Record<string, string[]> };
    expect(body.error).toMatch(/^Invalid input — name: Enter a name\.; lines\.1: /);
    expect(Object.keys(body.fieldErrors)).toEqual(["name", "lines.1"]);
  });

  it("hides the details of unexpected errors", async () => {
    const response = errorResponse(new Error("connection string postgres://secret@db"));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("secret");
  });
});

describe("describeInputError", () => {
  it("files an issue without a path under 'input'", () => {
    const parsed = z.string().safeParse(3);
    if (parsed.success) throw new Error("expected invalid input");
    expect(Object.keys(describeInputError(parsed.error).fieldErrors)).toEqual(["input"]);
  });
});
