import { describe, expect, it } from "vitest";
import { readCount, readNumber } from "./read-number";

describe("readNumber accepts plain and comma-grouped notation only", () => {
  it.each([
    [1200.5, 1200.5],
    ["1200.5", 1200.5],
    ["1,200.50", 1200.5],
    [" 1,234,567 ", 1234567],
    ["-12", -12],
    ["+3.25", 3.25],
    ["0", 0],
    [-0.5, -0.5],
  ])("%j → %d", (value, expected) => {
    expect(readNumber(value)).toBe(expected);
  });

  it.each([
    ["1.200,50"], // a European amount would be read as another one
    ["1,20"],
    ["12,00.5"],
    ["1,2345"],
    [".5"],
    ["1e3"],
    ["$12"],
    ["12 EUR"],
    ["abc"],
    [""],
    ["   "],
    ["9".repeat(400)],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [true],
    [null],
    [undefined],
    [[1]],
    [{ value: 1 }],
  ])("%j is not a number", (value) => {
    expect(readNumber(value)).toBeUndefined();
  });
});

describe("readCount", () => {
  it.each([
    [3, 3],
    ["7", 7],
    [0, 0],
  ])("%j → %d", (value, expected) => {
    expect(readCount(value)).toBe(expected);
  });

  it.each([[2.5], [-1], ["1e3"], [null]])("%j is not a count", (value) => {
    expect(readCount(value)).toBeUndefined();
  });
});
