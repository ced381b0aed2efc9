import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeInputError } from "./with-workspace";

// How every action reports invalid input. (Session, membership and role checks run in the browser
// tests, where a real next-auth session exists.)

describe("describeInputError", () => {
  it("names every invalid field, with its first message in the summary", () => {
    const schema = z.object({ name: z.string().min(1, { message: "Enter a name." }), lines: z.array(z.number()) });
    const parsed = schema.safeParse({ name: "", lines: [1, "two"] });
    if (parsed.success) throw new Error("expected invalid input");
    const { message, fieldErrors } = describeInputError(parsed.error);
    expect(message).toMatch(/^Invalid input — name: Enter a name\.; lines\.1: /);
    expect(Object.keys(fieldErrors)).toEqual(["name", "lines.1"]);
  });

  it("files an issue without a path under 'input'", () => {
    const parsed = z.string().safeParse(3);
    if (parsed.success) throw new Error("expected invalid input");
    expect(Object.keys(describeInputError(parsed.error).fieldErrors)).toEqual(["input"]);
  });
});
