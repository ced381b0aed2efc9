import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { validateStepInput } from "@ledgerflow/engine";
import { encryptSecret, vaultKeyring } from "@ledgerflow/vault";
import { z } from "zod";
import { appConnectors } from "../connectors/app-connectors";
import type { ConnectorRegistry } from "../connectors/connector-registry";
import { InvalidInputError, NotFoundError } from "../errors/domain-errors";

export const createSecretConnectionInput = z.object({
  workspaceId: z.string().min(1),
  userId: z.string().min(1),
  /** The connector's key ("http"), whose auth is `secret`. */
  provider: z.string().min(1).max(50),
  name: z.string().trim().min(1, "Name the connection").max(100),
  values: z.record(z.string(), z.unknown()),
});

/**
 * A connection made of what the user typed (an API key, a user name and password) for a connector
 * whose auth is `secret` (the HTTP request's): checked by the connector's form as a step's input is,
 * then kept encrypted in the vault — the values are never stored, logged or shown in plain text.
 */
export async function createSecretConnection(
  rawInput: z.input<typeof createSecretConnectionInput>,
  connectors: ConnectorRegistry = appConnectors(),
): Promise<{ id: string; name: string }> {
  const input = createSecretConnectionInput.parse(rawInput);
  const connector = connectors.find(input.provider);
  if (connector?.auth.kind !== "secret") throw new NotFoundError("Connector");
  const { fields, check } = connector.auth;
  const parsed = validateStepInput(input.values, fields, [], check?.bind(connector.auth));
  if (!parsed.ok) {
    const [first] = parsed.problems;
    throw new InvalidInputError(first?.message ?? "The connection's details are not valid.", first?.field);
  }
  const connection = await prisma.connection.create({
    data: {
      workspaceId: input.workspaceId,
      provider: connector.key,
      // Nothing at the provider names one such connection: each is its own.
      externalId: randomUUID(),
      name: input.name,
      accessTokenEnc: encryptSecret(JSON.stringify(parsed.input), vaultKeyring()),
      scopes: [],
      createdById: input.userId,
    },
    select: { id: true, name: true },
  });
  return connection;
}
