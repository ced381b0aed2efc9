import { prisma } from "@ledgerflow/db";
import {
  createEmptyFlowDefinition,
  type FlowDefinition,
  readWebhookSettings,
  upgradeFlowDefinition,
} from "@ledgerflow/engine";
import { NotFoundError } from "../errors/domain-errors";

export interface GetFlowForEditorOptions {
  workspaceId: string;
  flowId: string;
}

/**
 * Everything the editor shows for one flow: the draft, the webhook settings, the last test of each
 * step (for the data picker), the published version and the workspace's Xero accounts to pick from. Connection tokens are
 * never selected.
 */
export async function getFlowForEditor({ workspaceId, flowId }: GetFlowForEditorOptions) {
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
      stepSamples: {
        where: { workspaceId },
        select: { stepKey: true, input: true, output: true, error: true, testedAt: true },
      },
    },
  });
  if (!flow) throw new NotFoundError("Integration");

  const connections = await prisma.connection.findMany({
    where: { workspaceId },
    select: { id: true, tenantName: true, status: true },
    orderBy: { tenantName: "asc" },
  });

  const { draft, publishedVersion, webhookSettings, ...rest } = flow;
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
    connections,
  };
}

export type FlowForEditor = Awaited<ReturnType<typeof getFlowForEditor>>;

/** A draft saved by an older editor may not match today's shape: open it as empty rather than crash. */
function readDraft(value: unknown): FlowDefinition {
  try {
    return upgradeFlowDefinition(value);
  } catch {
    return createEmptyFlowDefinition();
  }
}
