import { describe, expect, it } from "vitest";
import { z } from "zod";
import { flowDefinitionSchema } from "./flow-definition";
import { checkStorable, formatJsonPath, MAX_JSON_DEPTH, refineStorable } from "./storable-json";

/** `levels` objects nested in one another: {"a":{"a":…{"a":1}}}, built without recursion. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
}

describe("checkStorable", () => {
  it("names where a NUL is, in a value or in a key", () => {
    expect(checkStorable({ customer: { name: "Ada\u0000" } })).toMatchObject({
      ok: false,
      path: ["customer", "name"],
      message: expect.stringContaining("NUL"),
    });
    expect(checkStorable({ lines: [{ ok: 1 }, { "na\u0000me": 2 }] })).toMatchObject({
      ok: false,
      path: ["lines", 1],
      message: expect.stringMatching(/^has a key with a NUL/),
    });
  });

  it("refuses unpaired surrogates by default, and replaces them with U+FFFD when asked", () => {
    expect(checkStorable({ note: "a\ud800b" })).toMatchObject({ ok: false, path: ["note"] });
    // A well-formed pair (an emoji) is fine.
    expect(checkStorable({ note: "\ud83d\ude00" })).toEqual({ ok: true, value: { note: "\ud83d\ude00" } });

    const body = { note: "a\ud800b", list: ["\udc00"], "k\ud800": { __proto__x: 1 }, after: true };
    const repaired = checkStorable(body, { loneSurrogates: "replace" });
    expect(repaired).toEqual({
      ok: true,
      value: { note: "a\uFFFDb", list: ["\uFFFD"], "k\uFFFD": { __proto__x: 1 }, after: true },
    });
    // Key order is kept when a key is repaired.
    expect(Object.keys((repaired as { value: object }).value)).toEqual(["note", "list", "k\uFFFD", "after"]);
    expect(checkStorable("\ud800", { loneSurrogates: "replace" })).toEqual({ ok: true, value: "\uFFFD" });
  });

  it("keeps a key named __proto__ a key when its object is repaired", () => {
    const body = JSON.parse('{"__proto__": {"polluted": true}, "k\\ud800": 1}');
    const check = checkStorable(body, { loneSurrogates: "replace" });
    expect(check.ok).toBe(true);
    const value = (check as { value: Record<string, unknown> }).value;
    expect(Object.keys(value)).toEqual(["__proto__", "k\uFFFD"]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it(`accepts ${MAX_JSON_DEPTH} levels of nesting and refuses one more, without recursing`, () => {
    expect(checkStorable(nested(MAX_JSON_DEPTH)).ok).toBe(true);
    const tooDeep = checkStorable(nested(MAX_JSON_DEPTH + 1));
    expect(tooDeep).toMatchObject({ ok: false, message: expect.stringContaining(`${MAX_JSON_DEPTH} levels`) });
    expect((tooDeep as { path: unknown[] }).path).toHaveLength(MAX_JSON_DEPTH);
    // Far deeper than any call stack: answered, not a RangeError.
    expect(checkStorable(nested(200_000)).ok).toBe(false);
    const list = JSON.parse(`${"[".repeat(300_000)}${"]".repeat(300_000)}`);
    expect(checkStorable(list).ok).toBe(false);
  });
});

describe("formatJsonPath", () => {
  it("reads like a template path, quoting odd keys and shortening deep paths", () => {
    expect(formatJsonPath("body", ["customer", "name"])).toBe("body.customer.name");
    expect(formatJsonPath("body", ["lines", 0, "odd key", "x\u0000"])).toBe('body.lines[0]["odd key"]["x\\u0000"]');
    const deep = formatJsonPath("body", Array(100).fill("a"));
    expect(deep.length).toBeLessThan(170);
    expect(deep).toMatch(/^body\.a\.a.*….*\.a$/);
  });
});

describe("refineStorable", () => {
  it("makes a zod issue at the problem's path", () => {
    const schema = z.object({ body: z.unknown().superRefine(refineStorable()) });
    const parsed = schema.safeParse({ body: { customer: { name: "\u0000" } } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path)).toEqual([["body", "customer", "name"]]);
  });

  it("guards a flow definition before its recursive shape is parsed", () => {
    const definition = (input: unknown) => ({
      schemaVersion: 2,
      trigger: { type: "webhook", config: {} },
      steps: [{ key: "contact", action: "xero.findContact", input }],
    });
    const withNul = flowDefinitionSchema.safeParse(definition({ Name: "Ada\u0000" }));
    expect(withNul.error?.issues[0]?.path).toEqual(["steps", 0, "input", "Name"]);
    // Nested far past the stack: the shape's recursive mapping schema would overflow; the guard answers.
    const deep = flowDefinitionSchema.safeParse(definition({ Name: nested(50_000) }));
    expect(deep.error?.issues[0]?.message).toMatch(/levels deep/);
    // A sample body MAX_JSON_DEPTH deep, as ingress accepts it, still fits in a draft.
    const sample = flowDefinitionSchema.safeParse({
      ...definition({ Name: "{{trigger.body.a}}" }),
      trigger: { type: "webhook", config: {}, sample: { type: "webhook", body: nested(MAX_JSON_DEPTH) } },
    });
    expect(sample.success).toBe(true);
  });
});
