import type { FieldSpec } from "@ledgerflow/engine";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatterConnector } from "./formatter-connector";
import { testFormatterStep } from "./testing/test-formatter-step";

// Whatever a trigger sends, a formatter step gives an output or refuses its input: it never runs
// the text as code, never reads or writes a prototype, and never fails as a bug ("internal").

const hostile = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "{{trigger.body.__proto__}}",
  "{{trigger.body.constructor.name}}",
  "process.exit(1)",
  "globalThis",
  "1.234,50",
  "-1e400",
  "(((((1",
  "2026-02-30",
  "$&$1",
  "a".repeat(200),
);

/** Numbers a flow can hold: JSON has no NaN or Infinity. */
const number = fc.double({ noNaN: true, noDefaultInfinity: true });

const text = fc.oneof(hostile, fc.string({ maxLength: 30 }), number.map(String));

function valueFor(spec: FieldSpec): fc.Arbitrary<unknown> {
  if (spec.type === "list") {
    const item = fc.record(Object.fromEntries((spec.itemFields ?? []).map((inner) => [inner.name, valueFor(inner)])));
    return fc.array(item, { maxLength: 4 });
  }
  const options = spec.options && "static" in spec.options ? spec.options.static.map((option) => option.value) : [];
  return fc.oneof(text, number, fc.boolean(), ...(options.length > 0 ? [fc.constantFrom(...options)] : []));
}

/** A webhook body as JSON.parse gives it: "__proto__" is an own key there, not the prototype. */
const body = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"name": "x"}}');

describe("formatter steps on untrusted input", () => {
  it.each(formatterConnector.actions.map((action) => [action.key, action] as const))("%s", async (_key, action) => {
    const input = fc.record(Object.fromEntries(action.fields.map((spec) => [spec.name, valueFor(spec)])));
    await fc.assert(
      fc.asyncProperty(input, async (values) => {
        const result = await testFormatterStep(action.key, values, body);
        if ("error" in result) expect(["invalid_input", "not_found"]).toContain(result.error?.code);
        expect(Object.prototype).not.toHaveProperty("polluted");
      }),
      { numRuns: 100 },
    );
  });
});
