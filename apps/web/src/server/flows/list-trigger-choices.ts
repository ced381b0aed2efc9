import { triggerPolling } from "@ledgerflow/engine";
import { appConnectors } from "@ledgerflow/runtime";
import type { TriggerChoice } from "@/components/flow-editor/editor-types";

/**
 * The connectors' triggers as the editor's "App event" picker lists them, read from the registry
 * (the web app knows no connector). An instant trigger polls while its provider's pushes are not
 * configured (Xero: no XERO_WEBHOOK_KEY), so the editor then offers the poll settings too.
 */
export function listTriggerChoices(): TriggerChoice[] {
  return appConnectors()
    .list()
    .flatMap((connector) => {
      const accountNoun = connector.auth.kind === "oauth2" ? connector.auth.accountNoun : "connection";
      return connector.triggers.map((trigger) => {
        const { key, title, description, group, fields, sample, loadSample } = trigger;
        return {
          key,
          title,
          description,
          group,
          fields,
          sample,
          connector: { key: connector.key, title: connector.title, accountNoun },
          polls: triggerPolling(connector, trigger) !== null,
          loadsSample: loadSample !== undefined,
        };
      });
    });
}
