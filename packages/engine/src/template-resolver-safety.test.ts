// Hostile data and mappings: nothing may execute, reach a prototype, or pollute `Object.prototype`.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { resolveStepInput, resolveTemplates } from "./template-resolver";

function polluted(): unknown {
  return (Object.prototype as Record<string, unknown>).polluted ?? ({} as Record<string, unknown>).polluted;
}

/** Only strings, finite numbers, booleans, null, arrays and objects with Object.prototype. */
function isJsonData(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((item) => item === undefined || isJsonData(item));
  if (typeof value !== "object" || Object.getPrototypeOf(value) !== Object.prototype) return false;
  return Object.values(value).every(isJsonData);
}

afterEach(() => {
  expect(polluted()).toBeUndefined();
});

// JSON.parse keeps `__proto__` as an ordinary own key, exactly as a webhook body would arrive.
const hostileTrigger = JSON.parse(
  '{"body":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":"p","name":"Ana"}}',
);
const context = { trigger: hostileTrigger, steps: {} };

describe("prototype names never resolve", () => {
  it.each([
    "{{constructor}}",
    "{{constructor.constructor}}",
    "{{__proto__}}",
    "{{__proto__.polluted}}",
    "{{trigger.constructor}}",
    "{{trigger.__proto__}}",
    "{{trigger.body.__proto__}}",
    "{{trigger.body.__proto__.polluted}}",
    "{{trigger.body.constructor.prototype}}",
    "{{trigger.body.prototype}}",
    "{{trigger.body.name.constructor}}",
    "{{steps.constructor}}",
    "{{steps.__proto__}}",
    "{{trigger.body['__proto__']}}",
    "{{trigger.body.toString}}",
    "{{trigger.body.hasOwnProperty}}",
  ])("%s resolves to nothing", (template) => {
    expect(resolveTemplates(template, context).value).toBeUndefined();
    expect(resolveTemplates(`x${template}x`, context).value).toBe("xx");
  });

  it("never resolves templates found inside data (no template injection)", () => {
    const trigger = { body: { name: "{{steps.secret.token}}" } };
    const steps = { secret: { token: "t0k3n" } };
    expect(resolveTemplates("{{trigger.body.name}}", { trigger, steps }).value).toBe("{{steps.secret.token}}");
    expect(resolveTemplates("Hi {{trigger.body.name}}", { trigger, steps }).value).toBe("Hi {{steps.secret.token}}");
  });

  it("does not call getters in data", () => {
    let called = false;
    const trigger = {
      get secret() {
        called = true;
        return "leaked";
      },
    };
    expect(resolveTemplates("{{trigger.secret}}", { trigger, steps: {} }).value).toBeUndefined();
    expect(called).toBe(false);
  });

  it("does not read from class instances or functions", () => {
    const trigger = { date: new Date(0), fn: () => "ran", map: new Map([["a", 1]]) };
    expect(resolveTemplates("{{trigger.fn}}", { trigger, steps: {} }).value).toBeUndefined();
    expect(resolveTemplates("{{trigger.date.getTime}}", { trigger, steps: {} }).value).toBeUndefined();
    expect(resolveTemplates("{{trigger.map.size}}", { trigger, steps: {} }).value).toBeUndefined();
  });
});

describe("building output never pollutes", () => {
  it("keeps a __proto__ key in a mapping as an ordinary key", () => {
    const mapping = JSON.parse('{"__proto__":{"polluted":"{{trigger.body.name}}"},"constructor":{"prototype":"x"}}');
    const { value } = resolveStepInput(mapping, context);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.hasOwn(value, "__proto__")).toBe(true);
    expect(Object.getOwnPropertyDescriptor(value, "__proto__")?.value).toEqual({ polluted: "Ana" });
    expect((value as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(value)).toBe('{"__proto__":{"polluted":"Ana"},"constructor":{"prototype":"x"}}');
  });

  it("copies hostile data objects without changing any prototype", () => {
    const { value } = resolveTemplates("{{trigger.body}}", context);
    const body = value as Record<string, unknown>;
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(body.polluted).toBeUndefined();
    expect(Object.hasOwn(body, "__proto__")).toBe(true);
  });

  it("maps $each items carrying __proto__ keys safely", () => {
    const trigger = JSON.parse('{"lines":[{"__proto__":{"polluted":1},"name":"a"}]}');
    const { value } = resolveTemplates(
      {
        $each: "{{trigger.lines}}",
        as: "line",
        map: JSON.parse('{"__proto__":"{{line.__proto__}}","item":"{{line}}"}'),
      },
      { trigger, steps: {} },
    );
    const [item] = value as Record<string, unknown>[];
    expect(Object.hasOwn(item!, "__proto__")).toBe(false);
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect((item!.item as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("property-based: arbitrary data and templates", () => {
  const dangerousKey = fc.constantFrom("__proto__", "constructor", "prototype", "polluted", "toString", "valueOf");
  const key = fc.oneof(dangerousKey, fc.string({ maxLength: 6 }));
  const data = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.string({ maxLength: 5 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie("value"), { maxLength: 3 }),
      fc.dictionary(key, tie("value"), { maxKeys: 3 }).map((value) => JSON.parse(JSON.stringify(value))),
    ),
  })).value;
  const pathText = fc.array(fc.oneof(dangerousKey, fc.string({ maxLength: 6 }), fc.nat(3).map(String)), {
    minLength: 1,
    maxLength: 4,
  });
  const template = fc
    .tuple(fc.constantFrom("trigger", "steps", "constructor", "__proto__", "x"), pathText)
    .map(([root, rest]) => `{{${[root, ...rest].join(".")}}}`);

  it("never throws, never pollutes, and returns only JSON data", () => {
    fc.assert(
      fc.property(data, fc.dictionary(key, fc.oneof(template, data), { maxKeys: 4 }), (trigger, rawMapping) => {
        const mapping = JSON.parse(JSON.stringify(rawMapping));
        const { value } = resolveStepInput(mapping, { trigger, steps: JSON.parse('{"__proto__":{"polluted":1}}') });
        expect(polluted()).toBeUndefined();
        expect(isJsonData(value)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("property-based: a whole-field reference returns exactly the referenced data", () => {
  const json = fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.parse(JSON.stringify(value)));

  /** Every path into `value` that a template can spell, with the value found there. */
  function pathsOf(value: unknown, path: string[] = []): [string[], unknown][] {
    const here: [string[], unknown][] = [[path, value]];
    if (Array.isArray(value))
      return [...here, ...value.flatMap((item, index) => pathsOf(item, [...path, String(index)]))];
    if (value !== null && typeof value === "object") {
      return [
        ...here,
        ...Object.entries(value)
          .filter(([key]) => /^[A-Za-z0-9_-]+$/.test(key) && !["__proto__", "constructor", "prototype"].includes(key))
          .flatMap(([key, item]) => pathsOf(item, [...path, key])),
      ];
    }
    return here;
  }

  it("keeps numbers, booleans, null, strings, objects and lists as they are", () => {
    fc.assert(
      fc.property(json, (data) => {
        for (const [path, expected] of pathsOf(data)) {
          const template = `{{${["trigger", ...path].join(".")}}}`;
          expect(resolveTemplates(template, { trigger: data, steps: {} }).value).toEqual(expected);
        }
      }),
      { numRuns: 200 },
    );
  });
});
