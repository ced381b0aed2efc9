import { describe, expect, it } from "vitest";
import { sameOriginPath } from "./same-origin-path";

const origin = "https://ledgerflow.example.com";

describe("sameOriginPath", () => {
  it.each([
    ["/connections", "/connections"],
    ["/runs?status=FAILED#latest", "/runs?status=FAILED#latest"],
    ["https://ledgerflow.example.com/flows/abc", "/flows/abc"],
    ["/a/../runs", "/runs"],
  ])("keeps %s on this site as %s", (target, path) => {
    expect(sameOriginPath(target, origin)).toBe(path);
  });

  it.each([
    "/\\evil.example/x",
    "/\t/evil.example/x",
    "/.//evil.example/x",
    "/a/..//evil.example/x",
    "//evil.example/x",
    "https://evil.example/x",
    "http://ledgerflow.example.com/x",
    "javascript:alert(1)",
    "",
    undefined,
  ])("refuses %j", (target) => {
    expect(sameOriginPath(target, origin)).toBeNull();
  });
});
