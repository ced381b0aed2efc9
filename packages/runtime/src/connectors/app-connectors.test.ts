import type { FlowStep } from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import { appConnectors } from "./app-connectors";
import { clientFor } from "./client-for";

describe("appConnectors", () => {
  it("offers Xero and the built-in Formatter, in that order in the editor's picker", () => {
    const connectors = appConnectors();
    expect(connectors.list().map((connector) => connector.key)).toEqual(["xero", "formatter"]);
    const keys = connectors.catalog.list().map((action) => action.key);
    expect(keys.findIndex((key) => key.startsWith("formatter."))).toBeGreaterThan(
      keys.lastIndexOf("xero.createInvoice"),
    );
    expect(connectors.ownerOf("formatter.parseNumber")?.title).toBe("Formatter");
  });

  it("gives a formatter step no client and asks it for no connection", () => {
    const action = appConnectors().catalog.get("formatter.parseNumber");
    if (!action) throw new Error("formatter.parseNumber is not in the catalog");
    const step: FlowStep = { key: "total", action: action.key, input: { text: "1.234,50", locale: "de-DE" } };
    expect(clientFor({ workspaceId: "w1" })(step, action)).toBeUndefined();
  });
});
