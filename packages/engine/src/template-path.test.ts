import { describe, expect, it } from "vitest";
import { formatFieldPath, parsePath, parseTemplate, wholeTemplateExpression } from "./template-path";

describe("template paths", () => {
  it.each([
    ["trigger.body.email", ["trigger", "body", "email"]],
    ["trigger.body.lines[0].name", ["trigger", "body", "lines", "0", "name"]],
    ["trigger.body.lines.0.name", ["trigger", "body", "lines", "0", "name"]],
    ["line.matrix[1][2]", ["line", "matrix", "1", "2"]],
    ["trigger.headers.content-type", ["trigger", "headers", "content-type"]],
    ["trigger.body.straße", ["trigger", "body", "straße"]],
  ])("parses %s", (expression, segments) => {
    expect(parsePath(expression)).toEqual(segments);
  });

  it.each([
    "",
    "a..b",
    "a.b()",
    "a + b",
    "a[b]",
    "a['x']",
    "a[-1]",
    "a.__proto__",
    "constructor.constructor",
    "a.prototype",
  ])("refuses %j", (expression) => {
    expect(parsePath(expression)).toBeUndefined();
  });

  it("splits text into literal parts and references", () => {
    expect(parseTemplate("Hi {{ trigger.name }}, order {{trigger.id}}!")).toEqual([
      { kind: "text", text: "Hi " },
      { kind: "reference", template: "{{ trigger.name }}", expression: "trigger.name" },
      { kind: "text", text: ", order " },
      { kind: "reference", template: "{{trigger.id}}", expression: "trigger.id" },
      { kind: "text", text: "!" },
    ]);
    expect(wholeTemplateExpression(" {{ trigger.id }} ")).toBe("trigger.id");
    expect(wholeTemplateExpression("{{a}}{{b}}")).toBeUndefined();
  });

  it("formats input locations the way the editor names fields", () => {
    expect(formatFieldPath(["LineItems", 1, "UnitAmount"])).toBe("LineItems[1].UnitAmount");
    expect(formatFieldPath(["Name"])).toBe("Name");
  });
});
