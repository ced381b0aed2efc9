import { encodeRunCursor } from "@ledgerflow/runtime";
import { describe, expect, it } from "vitest";
import { readRunSearchParams, toListRunsInput } from "./run-search-params";
import { runsHref } from "./runs-href";

describe("readRunSearchParams", () => {
  it("keeps valid filters and reports each malformed one by name", () => {
    const { filters, problems } = readRunSearchParams({
      flow: "flow_1",
      status: "EXPLODED",
      from: "2026-11-01",
      to: "yesterday",
      cursor: "forged",
    });
    expect(filters).toEqual({ flow: "flow_1", from: "2026-11-01" });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^Ignored "status": use one of QUEUED/);
    expect(problems[1]).toMatch(/^Ignored "to": use a date like/);
    expect(problems[2]).toMatch(/^Ignored "cursor"/);
  });

  it("reads the text to find runs by, trimmed, drops a blank one and reports one too long", () => {
    expect(readRunSearchParams({ q: "  Acme Ltd " }).filters).toEqual({ q: "Acme Ltd" });
    expect(readRunSearchParams({ q: "   " })).toEqual({ filters: {}, problems: [] });
    const tooLong = readRunSearchParams({ q: "x".repeat(201), status: "FAILED" });
    expect(tooLong.filters).toEqual({ status: "FAILED" });
    expect(tooLong.problems).toEqual(['Ignored "q": find runs by at most 200 characters.']);
    expect(toListRunsInput("ws_1", { q: "Acme" }).text).toBe("Acme");
    expect(runsHref({ status: "FAILED", q: "order 1042" })).toBe("/runs?q=order+1042&status=FAILED");
  });

  it("drops an inverted date range and takes the first of repeated parameters", () => {
    const { filters, problems } = readRunSearchParams({
      from: "2026-11-05",
      to: "2026-11-01",
      status: ["FAILED", "QUEUED"],
    });
    expect(filters).toEqual({ status: "FAILED" });
    expect(problems).toEqual(['Ignored the dates: "from" (2026-11-05) is after "to" (2026-11-01).']);
  });

  it("round-trips through runsHref", () => {
    const cursor = encodeRunCursor({ createdAt: new Date("2026-11-20T10:00:00.000Z"), id: "run_1" });
    const href = runsHref({ status: "FAILED", flow: "flow_1", cursor, dir: "newer", q: "Acme & Sons · 50%" });
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(readRunSearchParams(params)).toEqual({
      filters: { flow: "flow_1", status: "FAILED", cursor, dir: "newer", q: "Acme & Sons · 50%" },
      problems: [],
    });
  });
});

describe("toListRunsInput", () => {
  it("turns the days into a UTC range that includes the whole 'to' day", () => {
    const input = toListRunsInput("ws_1", { from: "2026-11-01", to: "2026-11-03" });
    expect(input.from?.toISOString()).toBe("2026-11-01T00:00:00.000Z");
    expect(input.to?.toISOString()).toBe("2026-11-04T00:00:00.000Z");
    expect(input.workspaceId).toBe("ws_1");
  });
});
