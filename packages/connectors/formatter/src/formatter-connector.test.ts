import { describe, expect, it } from "vitest";
import { formatterConnector } from "./formatter-connector";

describe("formatterConnector", () => {
  const { actions } = formatterConnector;

  it("needs no account: no client, no connection for any step", () => {
    expect(formatterConnector.auth).toEqual({ kind: "none" });
    expect(formatterConnector.createClient).toBeUndefined();
    expect(actions.every((action) => action.needsConnection === false && action.kind === "action")).toBe(true);
  });

  it("keeps every key in its namespace, each once", () => {
    const keys = actions.map((action) => action.key);
    expect(keys.every((key) => key.startsWith("formatter."))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("describes each step in one line for the editor", () => {
    for (const action of actions) {
      expect(action.description, action.key).not.toMatch(/\n/);
      expect(action.description.length, action.key).toBeLessThanOrEqual(140);
    }
  });

  it("declares no writes, so no money-safety prompt (Test, Run now, Re-run) counts a formatter step", () => {
    expect(actions.filter((action) => action.writes !== undefined)).toEqual([]);
  });
});
