import { describe, expect, it } from "vitest";
import type { FieldSpec } from "./action-definition";
import { stepWrites } from "./step-writes";

const fields: FieldSpec[] = [{ name: "method", label: "Method", type: "select", default: "GET" }];
const request = {
  writes: { noun: "HTTP request", verb: "creates" as const, unless: { field: "method", in: ["GET", "HEAD"] } },
  fields,
};

describe("stepWrites", () => {
  it("says a step writes unless its field holds a value that writes nothing, read as the field's default when empty", () => {
    expect(stepWrites(request, { method: "POST" })).toEqual(request.writes);
    expect(stepWrites(request, { method: "get" })).toBeUndefined();
    expect(stepWrites(request, { method: " HEAD " })).toBeUndefined();
    expect(stepWrites(request, {})).toBeUndefined();
    expect(stepWrites(request, { method: "" })).toBeUndefined();
  });

  it("counts a mapped value as writing: it is only known when the step runs", () => {
    expect(stepWrites(request, { method: "{{trigger.body.method}}" })).toEqual(request.writes);
  });

  it("is the action's own writes, or none, for actions without the rule", () => {
    const invoice = { writes: { noun: "invoice", verb: "creates" as const }, fields: [] };
    expect(stepWrites(invoice, {})).toEqual(invoice.writes);
    expect(stepWrites({ fields: [] }, {})).toBeUndefined();
    expect(stepWrites(undefined, {})).toBeUndefined();
  });
});
