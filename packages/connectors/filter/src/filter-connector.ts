import { defineConnector } from "@ledgerflow/engine";
import { onlyContinueIf } from "./only-continue-if";

/**
 * The built-in Filter (docs/ARCHITECTURE.md §5): "Only continue if…". No account and no client; the
 * step decides its conditions with the engine's conditions core and, when they do not hold, asks
 * the run to stop — a FILTERED run, not a failure.
 */
export const filterConnector = defineConnector<undefined>({
  key: "filter",
  title: "Filter",
  auth: { kind: "none" },
  actions: [onlyContinueIf],
  triggers: [],
  optionLoaders: {},
});
