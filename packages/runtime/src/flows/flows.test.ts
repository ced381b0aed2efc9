import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { DEFAULT_WEBHOOK_SETTINGS, type FlowDefinition } from "@ledgerflow/engine";
import { afterAll, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError } from "../errors/domain-errors";
import { regenerateWebhookToken } from "../triggers/webhook/regenerate-webhook-token";
import { setWebhookSigningSecret } from "../triggers/webhook/set-webhook-signing-secret";
import { updateWebhookSettings } from "../triggers/webhook/update-webhook-settings";
import { createFlow } from "./create-flow";
import { deleteFlow } from "./delete-flow";
import { getFlowForEditor } from "./presenters/get-flow-for-editor";
import { listFlows } from "./presenters/list-flows";
import { readFlowSwitch } from "./presenters/read-flow-switch";
import { renameFlow } from "./rename-flow";
import { saveStepSample } from "./save-step-sample";
import { updateFlowDraft } from "./update-flow-draft";

// Each test file owns its rows: a user with two workspaces of its own (the second plays "someone
// else's workspace" for the scoping checks).
const suffix = randomUUID().slice(0, 8);
const user = await prisma.user.create({ data: { email: `flows-${suffix}@example.test`, name: "Flow tester" } });
const [workspace, otherWorkspace] = await Promise.all(
  ["Ours", "Theirs"].map((name) =>
    prisma.workspace.create({
      data: { name: `${name} ${suffix}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
    }),
  ),
);
const workspaceId = workspace!.id;
const otherWorkspaceId = otherWorkspace!.id;

afterAll(async () => {
  await prisma.workspace.deleteMany({ where: { id: { in: [workspaceId, otherWorkspaceId] } } });
  await prisma.user.delete({ where: { id: user.id } });
});

const draftWithStep = (connectionId?: string): FlowDefinition => ({
  schemaVersion: 2,
  trigger: { type: "webhook", config: {}, sample: { body: { email: "a@b.co" } } },
  steps: [{ key: "find_contact", action: "xero.findContact", connectionId, input: { Name: "{{trigger.body.name}}" } }],
});

describe("createFlow", () => {
  it("creates a switched-off flow with an empty webhook draft and a 43-character token", async () => {
    const { id, name } = await createFlow({ workspaceId, userId: user.id, name: "  Order paid → invoice " });
    expect(name).toBe("Order paid → invoice");
    const flow = await getFlowForEditor({ workspaceId, flowId: id, role: "OWNER" });
    expect(flow.enabled).toBe(false);
    expect(flow.draft).toEqual({ schemaVersion: 2, trigger: { type: "webhook", config: {} }, steps: [] });
    expect(flow.webhook.credentials?.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("names an unnamed flow", async () => {
    const { name } = await createFlow({ workspaceId, userId: user.id });
    expect(name).toBe("Untitled flow");
  });

  it("starts the flow in its creator's time zone when one is given", async () => {
    const { id } = await createFlow({ workspaceId, userId: user.id, timeZone: "Pacific/Auckland" });
    const flow = await getFlowForEditor({ workspaceId, flowId: id, role: "OWNER" });
    expect(flow.draft).toMatchObject({ timeZone: "Pacific/Auckland", steps: [] });
  });
});

describe("workspace scoping", () => {
  it("treats another workspace's flow as not found, for every read and write", async () => {
    const { id: flowId } = await createFlow({ workspaceId: otherWorkspaceId, userId: user.id, name: "Theirs" });
    const ours = { workspaceId, flowId };
    await expect(getFlowForEditor({ ...ours, role: "OWNER" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateFlowDraft({ ...ours, draft: draftWithStep() })).rejects.toBeInstanceOf(NotFoundError);
    await expect(renameFlow({ ...ours, name: "Mine now", description: "" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(regenerateWebhookToken(ours)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setWebhookSigningSecret({ ...ours, enabled: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateWebhookSettings({ ...ours, settings: DEFAULT_WEBHOOK_SETTINGS })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(saveStepSample({ ...ours, stepKey: "a", input: {} })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteFlow(ours)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listFlows({ workspaceId })).flows.map((flow) => flow.id)).not.toContain(flowId);

    const untouched = await getFlowForEditor({ workspaceId: otherWorkspaceId, flowId, role: "OWNER" });
    expect(untouched.name).toBe("Theirs");
    expect(untouched.draft.steps).toEqual([]);
  });
});

describe("editing", () => {
  it("saves the draft, the name and the description", async () => {
    const { id: flowId } = await createFlow({ workspaceId, userId: user.id });
    await updateFlowDraft({ workspaceId, flowId, draft: draftWithStep() });
    await renameFlow({ workspaceId, flowId, name: " Shop orders ", description: " Invoices for paid orders " });
    const flow = await getFlowForEditor({ workspaceId, flowId, role: "OWNER" });
    expect(flow.draft).toEqual(draftWithStep());
    expect(flow.name).toBe("Shop orders");
    expect(flow.description).toBe("Invoices for paid orders");
  });

  it("gives the webhook's URL token and signing secret to editors and owners only", async () => {
    const { id: flowId } = await createFlow({ workspaceId, userId: user.id });
    const { webhookSigningSecret } = await setWebhookSigningSecret({ workspaceId, flowId, enabled: true });
    const { webhookToken } = await prisma.flow.findUniqueOrThrow({ where: { id: flowId } });

    for (const role of ["OWNER", "EDITOR"] as const) {
      expect((await getFlowForEditor({ workspaceId, flowId, role })).webhook).toEqual({
        requiresSignature: true,
        credentials: { token: webhookToken, signingSecret: webhookSigningSecret },
      });
    }
    // A viewer learns that requests must be signed, and nothing that would let them send one.
    const seenByViewer = await getFlowForEditor({ workspaceId, flowId, role: "VIEWER" });
    expect(seenByViewer.webhook).toEqual({ requiresSignature: true, credentials: null });
    const serialised = JSON.stringify(seenByViewer);
    expect(serialised).not.toContain(webhookToken);
    expect(serialised).not.toContain(webhookSigningSecret);
  });

  it("keeps one sample per step: a failed test replaces the earlier output", async () => {
    const { id: flowId } = await createFlow({ workspaceId, userId: user.id });
    await saveStepSample({
      workspaceId,
      flowId,
      stepKey: "find_contact",
      input: { Name: "Ada" },
      output: { ContactID: "c1" },
    });
    await saveStepSample({
      workspaceId,
      flowId,
      stepKey: "find_contact",
      input: { Name: "" },
      error: { message: "Name is required", field: "Name" },
    });
    const { stepSamples } = await getFlowForEditor({ workspaceId, flowId, role: "OWNER" });
    expect(stepSamples).toHaveLength(1);
    expect(stepSamples[0]).toMatchObject({
      stepKey: "find_contact",
      input: { Name: "" },
      output: null,
      error: { message: "Name is required", field: "Name" },
    });
  });
});

describe("deleteFlow", () => {
  it("deletes a switched-off flow", async () => {
    const { id: flowId } = await createFlow({ workspaceId, userId: user.id });
    await deleteFlow({ workspaceId, flowId });
    await expect(getFlowForEditor({ workspaceId, flowId, role: "OWNER" })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("refuses to delete a flow that is switched on", async () => {
    const { id: flowId } = await createFlow({ workspaceId, userId: user.id });
    await prisma.flow.update({ where: { id: flowId }, data: { enabled: true } });
    await expect(deleteFlow({ workspaceId, flowId })).rejects.toBeInstanceOf(ConflictError);
    expect(await prisma.flow.count({ where: { id: flowId } })).toBe(1);
  });
});

describe("readFlowSwitch", () => {
  it("reads the flow's state as it is now, not as the editor last saw it", async () => {
    const { id: flowId } = await createFlow({ workspaceId, userId: user.id });
    const before = await readFlowSwitch({ workspaceId, flowId });
    expect(before).toEqual({ enabled: false, published: null, updatedAt: expect.any(Date) });

    // Switched on elsewhere (the flows list, another tab): version 1 is what runs use.
    const version = await prisma.flowVersion.create({
      data: { workspaceId, flowId, number: 1, definition: draftWithStep() as object },
    });
    await prisma.flow.update({ where: { id: flowId }, data: { enabled: true, publishedVersionId: version.id } });
    const after = await readFlowSwitch({ workspaceId, flowId });
    expect(after).toEqual({
      enabled: true,
      published: { number: 1, definition: draftWithStep() },
      updatedAt: expect.any(Date),
    });
    // The editor tells a render older than the flow by this.
    expect(after.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
  });

  it("does not read another workspace's flow", async () => {
    const { id: flowId } = await createFlow({ workspaceId, userId: user.id });
    await expect(readFlowSwitch({ workspaceId: otherWorkspaceId, flowId })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("listFlows", () => {
  it("shows each flow's trigger, organisations, last run and runs of the last 7 days", async () => {
    const listWorkspace = await prisma.workspace.create({
      data: { name: `List ${suffix}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
    });
    const scope = { workspaceId: listWorkspace.id };
    try {
      const connection = await prisma.connection.create({
        data: {
          ...scope,
          provider: "xero",
          externalId: `tenant-${suffix}`,
          name: "Demo Company (NZ)",
          createdById: user.id,
        },
      });
      const busy = await createFlow({ ...scope, userId: user.id, name: "Busy" });
      const idle = await createFlow({ ...scope, userId: user.id, name: "Idle" });
      await updateFlowDraft({ ...scope, flowId: busy.id, draft: draftWithStep(connection.id) });

      const now = new Date("2026-06-15T12:00:00Z");
      const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
      await prisma.run.createMany({
        data: [
          { ...scope, flowId: busy.id, source: "WEBHOOK", status: "SUCCEEDED", createdAt: daysAgo(10) },
          { ...scope, flowId: busy.id, source: "WEBHOOK", status: "SUCCEEDED", createdAt: daysAgo(3) },
          { ...scope, flowId: busy.id, source: "MANUAL", status: "FAILED", createdAt: daysAgo(1) },
        ],
      });

      const { flows, connectionCount } = await listFlows({ ...scope, now });
      expect(connectionCount).toBe(1);
      expect(flows.map((flow) => flow.name).sort()).toEqual(["Busy", "Idle"]);
      const busyItem = flows.find((flow) => flow.id === busy.id);
      expect(busyItem).toMatchObject({
        triggerType: "webhook",
        enabled: false,
        organisations: ["Demo Company (NZ)"],
        lastRun: { status: "FAILED", at: daysAgo(1) },
        runsLast7Days: 2,
      });
      expect(flows.find((flow) => flow.id === idle.id)).toMatchObject({
        organisations: [],
        lastRun: null,
        runsLast7Days: 0,
      });
    } finally {
      await prisma.workspace.delete({ where: { id: listWorkspace.id } });
    }
  });
});
