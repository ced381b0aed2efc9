import { prisma, type Role } from "@ledgerflow/db";
import {
  createEmptyFlowDefinition,
  type FlowDefinition,
  readWebhookSettings,
  upgradeFlowDefinition,
} from "@ledgerflow/engine";
import { NotFoundError } from "../../errors/domain-errors";
import { roleAllows } from "../../workspaces/workspace-role";

export interface GetFlowForEditorOptions {
  workspaceId: string;
  flowId: string;
  /** The caller's role: only editors and owners receive the webhook's credentials. */
  role: Role;
}

/** What starts a run through the webhook: whoever holds these can write to Xero. */
export interface WebhookCredentials {
  token: string;
  signingSecret: string | null;
}

/**
 * Everything the editor shows for one flow: the draft, the webhook settings, the last test of each
 * step (for the data picker), the published version and the workspace's connections to pick from. Connection tokens are
 * never selected. The webhook's URL token and signing secret are credentials (a signed request
 * starts a run, which writes to Xero), so a VIEWER learns only whether requests must be signed.
 */
export async function getFlowForEditor({ workspaceId, flowId, role }: GetFlowForEditorOptions) {
  const flow = await prisma.flow.findFirst({
    where: { id: flowId, workspaceId },
    select: {
      id: true,
      name: true,
      description: true,
      enabled: true,
      draft: true,
      webhookToken: true,
      webhookSigningSecret: true,
      webhookSettings: true,
      updatedAt: true,
      // The editor compares the draft with it to offer "Publish changes" on an enabled flow.
      publishedVersion: { select: { number: true, createdAt: true, definition: true } },
      // A polling trigger's last check, so the editor can say when it looked and why it could not.
      triggerCursor: { select: { lastPolledAt: true, lastFailure: true } },
      stepSamples: {
        where: { workspaceId },
        select: { stepKey: true, input: true, output: true, error: true, connectionId: true, testedAt: true },
      },
    },
  });
  if (!flow) throw new NotFoundError("Flow");

  const connections = await prisma.connection.findMany({
    where: { workspaceId },
    // The provider: a connector trigger offers only its own connector's connections.
    select: { id: true, name: true, provider: true, status: true },
    orderBy: { name: "asc" },
  });

  const { draft, publishedVersion, webhookToken, webhookSigningSecret, webhookSettings, triggerCursor, ...rest } = flow;
  const credentials: WebhookCredentials | null = roleAllows(role, "EDITOR")
    ? { token: webhookToken, signingSecret: webhookSigningSecret }
    : null;
  return {
    ...rest,
    webhookSettings: readWebhookSettings(webhookSettings),
    draft: readDraft(draft),
    publishedVersion: publishedVersion
      ? {
          number: publishedVersion.number,
          createdAt: publishedVersion.createdAt,
          definition: readDraft(publishedVersion.definition),
        }
      : null,
    webhook: { requiresSignature: webhookSigningSecret !== null, credentials },
    polling: triggerCursor,
    connections,
  };
}

export type FlowForEditor = Awaited<ReturnType<typeof getFlowForEditor>>;

/** A draft saved by an older editor may not match today's shape: open it as empty rather than crash. */
export function readDraft(value: unknown): FlowDefinition {
  try {
    return upgradeFlowDefinition(value);
  } catch {
    return createEmptyFlowDefinition();
  }
}
