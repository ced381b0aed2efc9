import { describe, expect, it } from "vitest";
import { plural } from "./plural";

describe("plural", () => {
  it("writes one of a thing in the singular, and none or several in the plural", () => {
    expect(plural(1, "key")).toBe("1 key");
    expect(plural(0, "key")).toBe("0 keys");
    expect(plural(2, "item")).toBe("2 items");
  });

  it("takes an irregular plural, and groups thousands", () => {
    expect(plural(3, "entry", "entries")).toBe("3 entries");
    expect(plural(1, "entry", "entries")).toBe("1 entry");
    expect(plural(1204, "run")).toBe("1,204 runs");
  });
});
