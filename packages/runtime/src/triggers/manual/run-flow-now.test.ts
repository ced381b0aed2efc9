import { randomBytes, randomUUID } from "node:crypto";
import { type Prisma, prisma } from "@ledgerflow/db";
import { afterAll, describe, expect, it } from "vitest";
import { InvalidInputError } from "../../errors/domain-errors";
import { runFlowNow } from "./run-flow-now";

// "Run now" types a body; a flow started by an app event reads the record its event carries.
const suffix = randomUUID().slice(0, 8);
const user = await prisma.user.create({ data: { email: `run-now-${suffix}@example.test`, name: "Runner" } });
const workspace = await prisma.workspace.create({
  data: { name: `Run now ${suffix}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
});
afterAll(async () => {
  await prisma.workspace.delete({ where: { id: workspace.id } });
  await prisma.user.delete({ where: { id: user.id } });
});

/** A flow whose published version has this trigger (rows written directly: the publish check is not under test). */
async function publishedFlowWith(trigger: Prisma.InputJsonObject) {
  const flow = await prisma.flow.create({
    data: {
      workspaceId: workspace.id,
      name: "Flow",
      draft: {},
      webhookToken: randomBytes(32).toString("base64url"),
      createdById: user.id,
    },
  });
  const definition = { schemaVersion: 2, trigger, steps: [] };
  const version = await prisma.flowVersion.create({
    data: { workspaceId: workspace.id, flowId: flow.id, number: 1, definition, createdById: user.id },
  });
  await prisma.flow.update({ where: { id: flow.id }, data: { publishedVersionId: version.id, enabled: true } });
  return flow;
}

describe("runFlowNow", () => {
  it("starts a manual run of a manual flow's published version", async () => {
    const flow = await publishedFlowWith({ type: "manual", config: {} });
    const { runId } = await runFlowNow({ workspaceId: workspace.id, flowId: flow.id, body: { order: 1 } });
    expect(await prisma.run.findUnique({ where: { id: runId } })).toMatchObject({
      source: "MANUAL",
      trigger: { type: "manual", body: { order: 1 } },
    });
  });

  it("refuses a flow started by an app event, pointing to replay", async () => {
    const flow = await publishedFlowWith({ type: "event", config: { event: "xero.invoice.paid", input: {} } });
    const attempt = runFlowNow({ workspaceId: workspace.id, flowId: flow.id, body: {} });
    await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
    await expect(attempt).rejects.toThrow(/replay one of its runs/);
    expect(await prisma.run.count({ where: { flowId: flow.id } })).toBe(0);
  });
});
