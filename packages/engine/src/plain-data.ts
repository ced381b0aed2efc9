// Reading and building JSON-shaped data without ever touching prototypes. Trigger payloads come from
// strangers on the internet, so a key named `__proto__` or `constructor` must stay an ordinary key
// (or be ignored), never a way to reach or change `Object.prototype`.
import { isForbiddenKey } from "./template-path";

/** Deeper than any real payload; stops runaway recursion on cyclic in-process data. */
const MAX_DEPTH = 64;

export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * `container[key]` for plain data only: own, enumerable data properties of plain objects and array
 * indices. Getters are never invoked and prototype names never resolve.
 */
export function readOwn(container: unknown, key: string): unknown {
  if (isForbiddenKey(key)) return undefined;
  if (Array.isArray(container)) {
    if (!/^\d+$/.test(key)) return undefined;
    return readDataProperty(container, key);
  }
  if (isPlainObject(container)) return readDataProperty(container, key);
  return undefined;
}

function readDataProperty(container: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(container, key);
  if (!descriptor?.enumerable || !("value" in descriptor)) return undefined;
  return descriptor.value;
}

/** Walks `segments` from `root`; `undefined` as soon as a segment is missing. */
export function readPath(root: unknown, segments: readonly string[]): unknown {
  let current = root;
  for (const segment of segments) {
    current = readOwn(current, segment);
    if (current === undefined) return undefined;
  }
  return current;
}

/** Adds an own property even when `key` is `__proto__` (plain assignment would swap the prototype). */
export function defineOwn(target: PlainObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The own enumerable data entries of a plain object, in insertion order. */
export function ownEntries(value: PlainObject): [string, unknown][] {
  return Object.keys(value).map((key) => [key, readDataProperty(value, key)]);
}

/**
 * A deep copy containing only JSON data (strings, finite numbers, booleans, null, arrays, plain
 * objects), so an action can never mutate the run's trigger or another step's output. Anything
 * else (functions, class instances, too-deep data) becomes `undefined`.
 */
export function clonePlainData(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    return Array.from({ length: value.length }, (_, index) => clonePlainData(readOwn(value, String(index)), depth + 1));
  }
  if (isPlainObject(value)) {
    const copy: PlainObject = {};
    for (const [key, item] of ownEntries(value)) {
      const cloned = clonePlainData(item, depth + 1);
      if (cloned !== undefined) defineOwn(copy, key, cloned);
    }
    return copy;
  }
  return undefined;
}
