import { describe, expect, it } from "vitest";
import { readEventId } from "./read-event-id";

const headers = new Map([["idempotency-key", "  order-42  "]]);

describe("readEventId", () => {
  it("reads a header or a body field, and nothing when the flow reads none", () => {
    expect(readEventId({ from: "header", header: "idempotency-key" }, headers, {})).toBe("order-42");
    expect(readEventId({ from: "body", path: "id" }, headers, { id: "evt_1" })).toBe("evt_1");
    expect(readEventId({ from: "body", path: "data.object.id" }, headers, { data: { object: { id: 7 } } })).toBe("7");
    expect(readEventId({ from: "body", path: "lines.0.sku" }, headers, { lines: [{ sku: "A1" }] })).toBe("A1");
    expect(readEventId({ from: "none" }, headers, { id: "evt_1" })).toBeNull();
  });

  it("treats a missing, empty or non-text id as no id (a new event)", () => {
    expect(readEventId({ from: "header", header: "x-github-delivery" }, headers, {})).toBeNull();
    expect(readEventId({ from: "body", path: "id" }, headers, { id: "  " })).toBeNull();
    expect(readEventId({ from: "body", path: "id" }, headers, { id: { nested: 1 } })).toBeNull();
    expect(readEventId({ from: "body", path: "id" }, headers, "not an object")).toBeNull();
    // Only own properties, as templates read them.
    expect(readEventId({ from: "body", path: "constructor" }, headers, {})).toBeNull();
  });

  it("refuses an id longer than 255 characters, naming the header or field", () => {
    const long = "x".repeat(256);
    expect(() =>
      readEventId({ from: "header", header: "idempotency-key" }, new Map([["idempotency-key", long]]), {}),
    ).toThrowError(
      expect.objectContaining({
        message: "The Idempotency-Key header is longer than 255 characters: send an event id of at most 255.",
        field: "idempotency-key",
      }),
    );
    expect(() => readEventId({ from: "body", path: "data.id" }, headers, { data: { id: long } })).toThrowError(
      /^body\.data\.id is longer than 255 characters/,
    );
    expect(readEventId({ from: "body", path: "id" }, headers, { id: "x".repeat(255) })).toHaveLength(255);
  });
});
