import type { FlowStep } from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import { appConnectors } from "./app-connectors";
import { clientFor } from "./client-for";

describe("appConnectors", () => {
  it("offers Xero, the built-in Formatter and HTTP, in that order in the editor's picker", () => {
    const connectors = appConnectors();
    expect(connectors.list().map((connector) => connector.key)).toEqual([
      "xero",
      "filter",
      "formatter",
      "delay",
      "http",
    ]);
    const keys = connectors.catalog.list().map((action) => action.key);
    expect(keys.findIndex((key) => key.startsWith("formatter."))).toBeGreaterThan(
      keys.lastIndexOf("xero.createInvoice"),
    );
    expect(connectors.ownerOf("formatter.parseNumber")?.title).toBe("Formatter");
    expect(keys.indexOf("http.request")).toBeGreaterThan(keys.findLastIndex((key) => key.startsWith("formatter.")));
    expect(connectors.ownerOf("http.request")?.title).toBe("HTTP");
  });

  it("gives a formatter step no client and asks it for no connection", () => {
    const action = appConnectors().catalog.get("formatter.parseNumber");
    if (!action) throw new Error("formatter.parseNumber is not in the catalog");
    const step: FlowStep = { key: "total", action: action.key, input: { text: "1.234,50", locale: "de-DE" } };
    expect(clientFor({ workspaceId: "w1" })(step, action)).toBeUndefined();
  });

  it("gives an HTTP step without a connection no client, and counts it among the writes unless it only reads", () => {
    const action = appConnectors().catalog.get("http.request");
    if (!action) throw new Error("http.request is not in the catalog");
    expect(action.needsConnection).toBe(false);
    expect(action.writes).toEqual({
      noun: "HTTP request",
      verb: "creates",
      unless: { field: "method", in: ["GET", "HEAD", "OPTIONS"] },
    });
    const step: FlowStep = { key: "call", action: action.key, input: { url: "https://example.com/" } };
    expect(clientFor({ workspaceId: "w1" })(step, action)).toBeUndefined();
  });
});
