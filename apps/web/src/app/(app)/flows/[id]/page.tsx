import { serverEnv } from "@ledgerflow/config";
import type { AnyConnector } from "@ledgerflow/engine";
import {
  appConnectors,
  getFlowForEditor,
  isPreviewable,
  listTestRecords,
  NotFoundError,
  roleAllows,
} from "@ledgerflow/runtime";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import type { CatalogEntry, StepConnection, StepSampleView } from "@/components/flow-editor/editor-types";
import { FlowEditor } from "@/components/flow-editor/flow-editor";
import { toTestRecordItems } from "@/components/flow-editor/test-record-item";
import { listTriggerChoices } from "@/server/flows/list-trigger-choices";
import { requireWorkspace } from "@/server/with-workspace";

interface FlowPageProps {
  params: Promise<{ id: string }>;
  searchParams?: Promise<Record<string, string | string[] | undefined>>;
}

/** `?step=<key>&field=<path>`: the step (or `trigger`) to open, and the field to focus in it. */
const openingQuery = z.object({
  step: z.string().min(1).max(200).optional().catch(undefined),
  field: z.string().min(1).max(300).optional().catch(undefined),
});

async function loadFlow(flowId: string) {
  const { workspace, role } = await requireWorkspace();
  try {
    return { flow: await getFlowForEditor({ workspaceId: workspace.id, flowId, role }), role, workspace };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: FlowPageProps): Promise<Metadata> {
  const { flow } = await loadFlow((await params).id);
  return { title: flow.name };
}

/** "an HTTP connection", "a key": an initialism read letter by letter takes "an" before a vowel sound. */
function article(noun: string): "a" | "an" {
  return /^([aeiou]|[FHLMNRSX][A-Z])/i.test(noun) && !/^[FHLMNRSX][a-z]/.test(noun) ? "an" : "a";
}

/**
 * Which connection a step of the connector's acts with: a consent's (Xero's organisation) when the
 * action needs one, a typed-in one (an HTTP connection) when the action may use one.
 */
function stepConnection(connector: AnyConnector | undefined, needed: boolean): StepConnection | null {
  if (!connector) return null;
  const { auth, title } = connector;
  if (needed && auth.kind === "oauth2") {
    return {
      provider: connector.key,
      label: `${title} ${auth.accountNoun}`,
      addLabel: `Add a ${title} connection`,
      optional: false,
    };
  }
  if (auth.kind === "secret") {
    return {
      provider: connector.key,
      label: auth.accountNoun,
      addLabel: `Add ${article(auth.accountNoun)} ${auth.accountNoun}`,
      optional: !needed,
    };
  }
  return null;
}

/** `/flows/[id]`: the editor. VIEWERs get the same screen, read-only. */
export default async function FlowPage({ params, searchParams }: FlowPageProps) {
  const { flow, role, workspace } = await loadFlow((await params).id);
  const query = openingQuery.parse((await searchParams) ?? {});
  // Everything the browser needs of the catalog; `run` stays on the server.
  const connectors = appConnectors();
  const catalog: CatalogEntry[] = connectors.catalog
    .list()
    .map(({ key, kind, group, title, description, writes, fields, outputSample, needsConnection, test }) => ({
      key,
      kind,
      group,
      title,
      description,
      writes,
      fields,
      outputSample,
      needsConnection,
      connection: stepConnection(connectors.ownerOf(key), needsConnection !== false),
      previewable: isPreviewable(key, connectors),
      // Only the override: how a test's record is cleaned up stays on the server.
      ...(test?.override ? { test: { override: test.override } } : {}),
    }));
  const samples: StepSampleView[] = flow.stepSamples.map((sample) => ({
    stepKey: sample.stepKey,
    input: sample.input,
    output: sample.output,
    error: sample.error as StepSampleView["error"],
    connectionId: sample.connectionId,
    testedAt: sample.testedAt.toISOString(),
  }));
  const testRecords = toTestRecordItems(await listTestRecords({ workspaceId: workspace.id, flowId: flow.id }));

  return (
    <FlowEditor
      // A fresher render of the same flow (see use-flow-switch.ts) starts the editor afresh.
      key={`${flow.id}:${flow.updatedAt.toISOString()}`}
      flow={{
        id: flow.id,
        name: flow.name,
        description: flow.description,
        enabled: flow.enabled,
        updatedAt: flow.updatedAt.toISOString(),
        draft: flow.draft,
        webhook: {
          // Viewers receive no credentials (the presenter leaves them out), so no URL is built.
          url: flow.webhook.credentials
            ? new URL(`/api/hooks/${flow.webhook.credentials.token}`, serverEnv().NEXTAUTH_URL).toString()
            : null,
          signingSecret: flow.webhook.credentials?.signingSecret ?? null,
          signed: flow.webhook.requiresSignature,
          settings: flow.webhookSettings,
        },
        published: flow.publishedVersion
          ? { number: flow.publishedVersion.number, definition: flow.publishedVersion.definition }
          : null,
        polling: flow.polling
          ? {
              lastPolledAt: flow.polling.lastPolledAt?.toISOString() ?? null,
              lastFailure: flow.polling.lastFailure,
            }
          : null,
      }}
      catalog={catalog}
      triggers={listTriggerChoices()}
      connections={flow.connections.map((connection) => ({
        ...connection,
        providerTitle: connectors.find(connection.provider)?.title ?? connection.provider,
      }))}
      samples={samples}
      testRecords={testRecords}
      readOnly={!roleAllows(role, "EDITOR")}
      opening={query.step ? { step: query.step, ...(query.field ? { field: query.field } : {}) } : undefined}
    />
  );
}
