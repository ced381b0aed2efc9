import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import type { FlowDefinition } from "@ledgerflow/engine";
import { afterAll, describe, expect, it } from "vitest";
import { checkFlowCanPublish } from "../check-flow-can-publish";

// Switch-on refuses a connector trigger that could never fire, naming the trigger's field.
const suffix = randomUUID().slice(0, 8);
const user = await prisma.user.create({ data: { email: `event-check-${suffix}@example.test`, name: "Checker" } });
const [workspace, otherWorkspace] = await Promise.all(
  ["Ours", "Theirs"].map((name) =>
    prisma.workspace.create({
      data: { name: `${name} ${suffix}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
    }),
  ),
);
const workspaceId = workspace!.id;
const connectionIn = (wsId: string, status: "ACTIVE" | "NEEDS_REAUTH" = "ACTIVE") =>
  prisma.connection.create({
    data: {
      workspaceId: wsId,
      provider: "xero",
      externalId: randomUUID(),
      name: "Demo Company",
      status,
      createdById: user.id,
    },
  });

afterAll(async () => {
  await prisma.workspace.deleteMany({ where: { id: { in: [workspaceId, otherWorkspace!.id] } } });
  await prisma.user.delete({ where: { id: user.id } });
});

function flowWith(config: { event: string; connectionId?: string; input?: Record<string, unknown> }): FlowDefinition {
  return {
    schemaVersion: 2,
    trigger: { type: "event", config: { input: {}, ...config } },
    steps: [{ key: "tracking", action: "xero.getTrackingCategories", input: {} }],
  } as FlowDefinition;
}

const triggerProblems = async (definition: FlowDefinition) =>
  (await checkFlowCanPublish(workspaceId, definition)).filter((problem) => problem.field?.startsWith("trigger."));

describe("an event trigger at switch-on", () => {
  it("passes with a known trigger and an active connection of its workspace", async () => {
    const connection = await connectionIn(workspaceId);
    expect(await triggerProblems(flowWith({ event: "xero.invoice.paid", connectionId: connection.id }))).toEqual([]);
  });

  it("asks for a trigger, and refuses one no connector declares", async () => {
    expect(await triggerProblems(flowWith({ event: "" }))).toEqual([
      { field: "trigger.event", message: "Choose the app event that starts this flow." },
    ]);
    expect(await triggerProblems(flowWith({ event: "xero.invoice.teleported" }))).toMatchObject([
      { field: "trigger.event", message: expect.stringContaining("no longer exists") },
    ]);
  });

  it("asks for the organisation, and treats another workspace's connection as removed", async () => {
    expect(await triggerProblems(flowWith({ event: "xero.contact.created" }))).toMatchObject([
      { field: "trigger.connectionId", message: "Choose the Xero organisation whose events start this flow." },
    ]);
    const theirs = await connectionIn(otherWorkspace!.id);
    expect(await triggerProblems(flowWith({ event: "xero.contact.created", connectionId: theirs.id }))).toMatchObject([
      { field: "trigger.connectionId", message: expect.stringContaining("was removed") },
    ]);
  });

  it("offers a reconnect for a connection that needs one", async () => {
    const connection = await connectionIn(workspaceId, "NEEDS_REAUTH");
    expect(await triggerProblems(flowWith({ event: "xero.invoice.paid", connectionId: connection.id }))).toMatchObject([
      { field: "trigger.connectionId", reconnect: { connectionId: connection.id } },
    ]);
  });

  it("checks the trigger's own settings by its fields", async () => {
    const connection = await connectionIn(workspaceId);
    const problems = await triggerProblems(
      flowWith({ event: "xero.event", connectionId: connection.id, input: { eventCategory: "INVOICE" } }),
    );
    expect(problems).toMatchObject([{ field: "trigger.input.eventType" }]);
  });
});
