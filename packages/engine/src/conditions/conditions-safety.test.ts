// Hostile values and conditions from any JSON: evaluation never throws, never runs text as code,
// never reads or changes a prototype, and gives the same result every time.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { type Condition, conditionGroupsSchema } from "./condition-schema";
import { evaluateConditions } from "./evaluate-conditions";
import { OPERATOR_KEYS } from "./operators";

const NOW = new Date("2026-12-03T09:00:00Z");

function polluted(): unknown {
  return (Object.prototype as Record<string, unknown>).polluted;
}

afterEach(() => {
  expect(polluted()).toBeUndefined();
});

/** Text that would do something if anything evaluated it, and prototype names. */
const hostileText = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "globalThis.polluted = 1",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: text that only a template evaluator would run
  "${process.exit(1)}",
  "{{trigger.body}}",
  "(a+)+$",
  "1e308",
  "/Date(99999999999999999)/",
  "\u0000",
  "\ud800",
);

const anyValue = fc.oneof(
  fc.jsonValue(),
  hostileText,
  fc.constant(undefined),
  fc.constant(JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}')),
  fc.array(hostileText),
);

// The right side as any JSON, not only what the schema accepts: a mapped right side resolves at run time.
const condition = fc.record({
  left: fc.record({ label: fc.string({ minLength: 1 }), value: anyValue }),
  operator: fc.constantFrom(...OPERATOR_KEYS),
  right: anyValue,
}) as fc.Arbitrary<Condition>;

const groups = fc.array(fc.record({ conditions: fc.array(condition, { minLength: 1, maxLength: 5 }) }), {
  minLength: 1,
  maxLength: 4,
});

describe("evaluateConditions on any JSON", () => {
  it("never throws, explains every condition and is deterministic", () => {
    fc.assert(
      fc.property(groups, (conditions) => {
        const first = evaluateConditions(conditions, NOW);
        expect(evaluateConditions(structuredClone(conditions), NOW)).toEqual(first);
        for (const group of first.groups) {
          expect(group.passed).toBe(group.conditions.every((result) => result.passed));
          for (const result of group.conditions) expect(result.explanation.length).toBeGreaterThan(0);
        }
        expect(first.passed).toBe(first.groups.some((group) => group.passed));
      }),
      { numRuns: 500 },
    );
  });

  it("never parses to something that throws, and what it accepts evaluates", () => {
    fc.assert(
      fc.property(fc.jsonValue(), groups, (json, generated) => {
        for (const input of [json, generated]) {
          const parsed = conditionGroupsSchema.safeParse(input);
          if (parsed.success) evaluateConditions(parsed.data, NOW);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("reads prototype names as plain text and a __proto__ key as plain data", () => {
    const hostile = JSON.parse('{"__proto__":{"length":5,"Total":9999},"constructor":"x"}');
    const result = evaluateConditions(
      [
        {
          conditions: [
            { left: { label: "record", value: hostile }, operator: "list.lengthGt", right: 1 },
            { left: { label: "name", value: "constructor" }, operator: "text.isOneOf", right: ["toString"] },
            { left: { label: "name", value: "__proto__" }, operator: "number.gt", right: 0 },
          ],
        },
      ],
      NOW,
    );
    expect(result.groups[0]!.conditions.map((condition) => condition.passed)).toEqual([false, false, false]);
  });
});
