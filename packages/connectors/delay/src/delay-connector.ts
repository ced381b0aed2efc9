import { defineConnector } from "@ledgerflow/engine";
import { delayFor } from "./delay-for";
import { delayUntil } from "./delay-until";

/**
 * The built-in Delay (docs/ARCHITECTURE.md §5): "Delay for" a span, or "Delay until" a moment taken
 * from the data, at most 30 days ahead. The step asks its run to wait; the runtime keeps the run
 * WAITING in PostgreSQL with a delayed job, so no worker is held and restarts lose nothing.
 */
export const delayConnector = defineConnector<undefined>({
  key: "delay",
  title: "Delay",
  auth: { kind: "none" },
  actions: [delayFor, delayUntil],
  triggers: [],
  optionLoaders: {},
});
