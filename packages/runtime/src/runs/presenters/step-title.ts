import { PATHS_ACTION } from "@ledgerflow/engine";
import { appConnectors } from "../../connectors/app-connectors";

/** A step by what it does ("Find or create contact"); an action no connector declares any more, by its key. */
export function stepTitleOf(action: string): string {
  if (action === PATHS_ACTION) return "Paths";
  return appConnectors().catalog.get(action)?.title ?? action;
}
