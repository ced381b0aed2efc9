// What PostgreSQL cannot store, found before it is sent (docs/ARCHITECTURE.md §6, §7): a NUL character (jsonb and
// text refuse `\u0000`, error 22P05), an unpaired UTF-16 surrogate (`"\ud800"` parses in
// JavaScript but is no Unicode text, so jsonb refuses it too), and nesting so deep that
// `JSON.stringify` overflows the stack (~4,500 levels) after `JSON.parse` accepted it. Without
// this check each of them surfaced as a database error: a 503 "retry" for webhooks (retried
// forever) and "Something went wrong" in the editor. The walk uses a stack of its own, never
// recursion, so no nesting can overflow it.
import type { z } from "zod";

/** How deeply a webhook or manual body may nest objects and lists. Real events nest a few levels. */
export const MAX_JSON_DEPTH = 100;

export type JsonPath = (string | number)[];

export interface UnstorableValue {
  /** Where the problem is, from the value's root (a key problem names the object holding the key). */
  path: JsonPath;
  /** What is wrong and what to do, without the path (callers prefix it their own way). */
  message: string;
}

export interface StorableOptions {
  maxDepth?: number;
  /**
   * "refuse" (the default): an unpaired surrogate is a problem like NUL.
   * "replace": it becomes U+FFFD in place, as decoding invalid UTF-8 bytes does — for webhook
   * bodies, where no person is there to retype it. Only for values this caller owns (it mutates).
   */
  loneSurrogates?: "refuse" | "replace";
}

const NUL = "\u0000";
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;

const NUL_MESSAGE = "contains a NUL character (\\u0000), which cannot be stored: remove it";
const KEY_NUL_MESSAGE = "has a key with a NUL character (\\u0000), which cannot be stored: rename it";
const SURROGATE_MESSAGE =
  "contains a broken character (an unpaired UTF-16 surrogate), which cannot be stored: retype it";
const KEY_SURROGATE_MESSAGE =
  "has a key with a broken character (an unpaired UTF-16 surrogate), which cannot be stored: rename it";
const depthMessage = (maxDepth: number) =>
  `is nested more than ${maxDepth} levels deep, which is more than we store: flatten it`;

interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | null;
  key: string | number | null;
  /** For repairs: the container holding this value. */
  holder: Record<string, unknown> | unknown[] | null;
}

function pathOf(frame: Frame): JsonPath {
  const path: JsonPath = [];
  for (let at: Frame | null = frame; at?.key != null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * The first thing in `value` that PostgreSQL would refuse, or null. With
 * `loneSurrogates: "replace"`, unpaired surrogates are repaired in `value` instead (and the
 * repaired root returned in `value`, for a root string).
 */
export function checkStorable(
  value: unknown,
  { maxDepth = MAX_JSON_DEPTH, loneSurrogates = "refuse" }: StorableOptions = {},
): { ok: true; value: unknown } | ({ ok: false } & UnstorableValue) {
  const repair = loneSurrogates === "replace";
  let root = value;
  const stack: Frame[] = [{ value, depth: 0, parent: null, key: null, holder: null }];
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const current = frame.value;
    if (typeof current === "string") {
      if (current.includes(NUL)) return { ok: false, path: pathOf(frame), message: NUL_MESSAGE };
      if (LONE_SURROGATE.test(current)) {
        if (!repair) return { ok: false, path: pathOf(frame), message: SURROGATE_MESSAGE };
        const repaired = current.replace(LONE_SURROGATES, "\uFFFD");
        if (frame.holder) (frame.holder as Record<string | number, unknown>)[frame.key as string | number] = repaired;
        else root = repaired;
      }
      continue;
    }
    if (typeof current !== "object" || current === null) continue;
    if (frame.depth >= maxDepth) return { ok: false, path: pathOf(frame), message: depthMessage(maxDepth) };
    if (Array.isArray(current)) {
      for (let index = current.length - 1; index >= 0; index--)
        stack.push({ value: current[index], depth: frame.depth + 1, parent: frame, key: index, holder: current });
      continue;
    }
    const object = current as Record<string, unknown>;
    const keys = Object.keys(object);
    for (const key of keys) {
      if (key.includes(NUL)) return { ok: false, path: pathOf(frame), message: KEY_NUL_MESSAGE };
      if (LONE_SURROGATE.test(key) && !repair)
        return { ok: false, path: pathOf(frame), message: KEY_SURROGATE_MESSAGE };
    }
    if (repair && keys.some((key) => LONE_SURROGATE.test(key))) renameKeys(object, keys);
    const entries = Object.keys(object);
    for (let index = entries.length - 1; index >= 0; index--) {
      const key = entries[index] as string;
      stack.push({ value: object[key], depth: frame.depth + 1, parent: frame, key, holder: object });
    }
  }
  return { ok: true, value: root };
}

/**
 * Repairs the keys of `object` in place, keeping their order. Keys that become equal keep the last
 * value, as duplicate keys in JSON do. defineProperty, so a key named `__proto__` stays a key.
 */
function renameKeys(object: Record<string, unknown>, keys: string[]) {
  const entries = keys.map((key) => [key.replace(LONE_SURROGATES, "\uFFFD"), object[key]] as const);
  for (const key of keys) delete object[key];
  for (const [key, entry] of entries)
    Object.defineProperty(object, key, { value: entry, enumerable: true, writable: true, configurable: true });
}

/**
 * A path as people read it, e.g. `body.lines[0].name` or `body["odd key"]`; long paths (deep
 * nesting) keep their start and end.
 */
export function formatJsonPath(root: string, path: JsonPath): string {
  let text = root;
  for (const key of path) {
    if (typeof key === "number") text += `[${key}]`;
    else text += /^[\w$@:-]+$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
  }
  return text.length > 160 ? `${text.slice(0, 80)}…${text.slice(-60)}` : text;
}

/**
 * A zod refinement for inputs that are stored as they are (names, drafts, manual run bodies): each
 * problem becomes an issue at its path, so the wrapper's 400 or field error names the field.
 */
export function refineStorable(maxDepth = MAX_JSON_DEPTH) {
  return (value: unknown, ctx: z.RefinementCtx) => {
    const check = checkStorable(value, { maxDepth });
    if (!check.ok) ctx.addIssue({ code: "custom", path: check.path, message: check.message });
  };
}
