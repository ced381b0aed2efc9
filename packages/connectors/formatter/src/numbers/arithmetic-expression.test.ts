import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateArithmetic } from "./arithmetic-expression";

// The characters the grammar reads; anything else in an expression must make it fail.
const ARITHMETIC = /^[0-9.eE+\-*/%() \t\n\u2212\u00d7\u00f7]*$/;

describe("evaluateArithmetic", () => {
  it("evaluates nothing but arithmetic, whatever text it is given", () => {
    const code = fc.constantFrom(
      "constructor",
      "__proto__",
      "this",
      "globalThis.process",
      "Function('return 1')()",
      "toString",
      "[]",
      "{}",
      "`1`",
      "1;2",
      "x=1",
    );
    fc.assert(
      fc.property(fc.string(), code, fc.string(), (before, inside, after) => {
        const result = evaluateArithmetic(`${before}${inside}${after}`);
        expect(result.ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const result = evaluateArithmetic(text);
        if (result.ok) expect(text).toMatch(ARITHMETIC);
        else expect(result.reason).toEqual(expect.any(String));
      }),
    );
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("agrees with the arithmetic of the numbers it is given", () => {
    const operand = fc.integer({ min: -1000, max: 1000 });
    fc.assert(
      fc.property(operand, operand, operand, (a, b, c) => {
        const expression = `${a} + ${b} * (${c} - ${a})`;
        expect(evaluateArithmetic(expression)).toEqual({ ok: true, value: a + b * (c - a) });
      }),
    );
  });

  it("refuses long runs of signs and brackets without exhausting the stack", () => {
    expect(evaluateArithmetic("-".repeat(999)).ok).toBe(false);
    expect(evaluateArithmetic(`${"(".repeat(999)}`).ok).toBe(false);
    expect(evaluateArithmetic("1".repeat(1001))).toEqual({ ok: false, reason: "is longer than 1000 characters" });
  });
});
