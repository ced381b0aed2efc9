import { prisma } from "@ledgerflow/db";
import { z } from "zod";
import { appConnectors } from "../../connectors/app-connectors";
import { connectorClient } from "../../connectors/client-for";
import type { ConnectorRegistry } from "../../connectors/connector-registry";
import { editorCallError } from "../../connectors/editor-call-error";
import { InvalidInputError } from "../../errors/domain-errors";

export const loadTriggerSampleSchema = z.object({
  /** The connector trigger's key, e.g. "xero.invoice.paid". */
  event: z.string().min(1, "Choose the app event first").max(200),
  connectionId: z.string().min(1, "Choose a connection first").max(100),
  /** The trigger's settings as the editor holds them (the general trigger's kind of record). */
  input: z.record(z.string(), z.unknown()).default({}),
});

export type LoadTriggerSampleInput = z.input<typeof loadTriggerSampleSchema> & { workspaceId: string };

/** A recent record shaped as a run's trigger carries it, or what to say when the account has none. */
export type TriggerSampleResult = { found: true; sample: Record<string, unknown> } | { found: false; message: string };

/**
 * "Load a recent record" in the trigger panel: the trigger's `loadSample` on one connection of the
 * workspace, through its connector's client (so under the provider's rate limits). The editor keeps
 * the result as the trigger's sample, so the data picker offers the record's real fields. Nothing
 * found is an answer, not an error; the provider's refusals and a full rate-limit window come back
 * as the editor says them (editorCallError).
 */
export async function loadTriggerSample(
  { workspaceId, ...input }: LoadTriggerSampleInput,
  connectors: ConnectorRegistry = appConnectors(),
): Promise<TriggerSampleResult> {
  const request = loadTriggerSampleSchema.parse(input);
  const found = connectors.findTrigger(request.event);
  if (!found) {
    throw new InvalidInputError(`The trigger "${request.event}" does not exist: choose another.`, "event");
  }
  const { connector, trigger } = found;
  if (!trigger.loadSample) {
    throw new InvalidInputError(`"${trigger.title}" cannot load a record: build with its example data.`, "event");
  }
  const connection = await prisma.connection.findFirst({
    where: { id: request.connectionId, workspaceId },
    select: { name: true, provider: true },
  });
  const accountNoun = connector.auth.kind === "oauth2" ? connector.auth.accountNoun : "connection";
  if (!connection || connection.provider !== connector.key) {
    throw new InvalidInputError(`Choose the ${connector.title} ${accountNoun} to load a record from.`, "connectionId");
  }

  try {
    const client = await connectorClient(connector, request.connectionId, { workspaceId });
    const sample = await trigger.loadSample({ client, input: request.input });
    if (sample) return { found: true, sample };
    return {
      found: false,
      message: `${connection.name} has nothing for "${trigger.title}" yet. Make one in ${connector.title} and load again, or build with the example data.`,
    };
  } catch (error) {
    throw editorCallError(error);
  }
}
