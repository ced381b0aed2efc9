import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { afterAll, describe, expect, it } from "vitest";
import { createFlow } from "../../flows/create-flow";
import { listFlows } from "../../flows/presenters/list-flows";
import { updateFlowDraft } from "../../flows/update-flow-draft";
import { getRunDetail } from "../../runs/presenters/get-run-detail";
import { listRuns } from "../../runs/presenters/list-runs";

// The flow list and the run history name a connector trigger in the provider's words
// ("Xero · Invoice paid") and an event run's record by its name ("INV-0042"), read from the real
// registry and the real database.
const suffix = randomUUID().slice(0, 8);
const user = await prisma.user.create({ data: { email: `app-event-${suffix}@example.test`, name: "Historian" } });
const workspace = await prisma.workspace.create({
  data: { name: `App events ${suffix}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
});
const workspaceId = workspace.id;

afterAll(async () => {
  await prisma.workspace.delete({ where: { id: workspaceId } });
  await prisma.user.delete({ where: { id: user.id } });
});

const eventTrigger = (trigger: string, record: Record<string, unknown> | null) => ({
  type: "event",
  trigger,
  connectionId: "conn-1",
  event: { eventCategory: "INVOICE", eventType: "UPDATE", resourceId: "inv-1" },
  record,
  previous: { Status: "AUTHORISED" },
  receivedAt: "2026-12-01T09:30:00.000Z",
});

describe("an app event in the flow list and the run history", () => {
  it("labels the flow's trigger and each event run with its trigger and record", async () => {
    const { id: flowId } = await createFlow({ workspaceId, userId: user.id });
    await updateFlowDraft({
      workspaceId,
      flowId,
      draft: {
        schemaVersion: 2,
        trigger: { type: "event", config: { event: "xero.invoice.paid", input: {} } },
        steps: [],
      },
    });
    const { flows } = await listFlows({ workspaceId });
    expect(flows.find((flow) => flow.id === flowId)).toMatchObject({
      triggerType: "event",
      triggerTitle: "Xero · Invoice paid",
    });

    const run = (source: "EVENT" | "REPLAY" | "WEBHOOK", trigger: unknown, minutesAgo: number) =>
      prisma.run.create({
        data: {
          workspaceId,
          flowId,
          source,
          status: "SUCCEEDED",
          trigger: trigger as object,
          createdAt: new Date(Date.now() - minutesAgo * 60_000),
        },
        select: { id: true },
      });
    const paid = await run("EVENT", eventTrigger("xero.invoice.paid", { InvoiceNumber: "INV-0042" }), 4);
    const replay = await run("REPLAY", eventTrigger("xero.contact.created", { Name: "Ada Lovelace" }), 3);
    const unloaded = await run("EVENT", eventTrigger("xero.invoice.paid", null), 2);
    const gone = await run("EVENT", eventTrigger("xero.invoice.teleported", { InvoiceNumber: "INV-9" }), 1);
    const webhook = await run("WEBHOOK", { type: "webhook", body: { trigger: "xero.invoice.paid" } }, 0);

    const { runs } = await listRuns({ workspaceId, flowId });
    const appEventOf = (id: string) => runs.find((row) => row.id === id)?.appEvent;
    expect(appEventOf(paid.id)).toEqual({ title: "Xero · Invoice paid", record: "INV-0042" });
    expect(appEventOf(replay.id)).toEqual({ title: "Xero · New contact", record: "Ada Lovelace" });
    expect(appEventOf(unloaded.id)).toEqual({ title: "Xero · Invoice paid", record: null });
    // A trigger the connector no longer declares is still named, by its key.
    expect(appEventOf(gone.id)).toEqual({ title: "xero.invoice.teleported", record: null });
    expect(appEventOf(webhook.id)).toBeNull();

    expect((await getRunDetail({ workspaceId, runId: paid.id }))?.appEvent).toEqual({
      title: "Xero · Invoice paid",
      record: "INV-0042",
    });
    expect((await getRunDetail({ workspaceId, runId: webhook.id }))?.appEvent).toBeNull();
  });
});
