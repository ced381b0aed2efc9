import { randomBytes } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { sharedRunsQueue } from "@ledgerflow/queue";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRun } from "./create-run";

// Runs are queued on a prefix of this file's own, which no worker consumes: the suite's worker
// would otherwise execute them while the test reads what was queued.
process.env.REDIS_PREFIX = `lftest_create_${randomBytes(4).toString("hex")}`;

const unique = randomBytes(6).toString("hex");
let workspaceId: string;
let flowId: string;
let versionId: string;

beforeAll(async () => {
  const user = await prisma.user.create({ data: { email: `create-run-${unique}@example.test` } });
  const workspace = await prisma.workspace.create({
    data: { name: `Create run ${unique}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
  });
  workspaceId = workspace.id;
  const flow = await prisma.flow.create({
    data: { workspaceId, name: "Orders", draft: {}, webhookToken: `create-run-${unique}`, enabled: true },
  });
  flowId = flow.id;
  const version = await prisma.flowVersion.create({
    data: { workspaceId, flowId, number: 1, definition: {}, createdById: user.id },
  });
  versionId = version.id;
});

afterAll(async () => {
  await prisma.workspace.delete({ where: { id: workspaceId } });
  await sharedRunsQueue().obliterate({ force: true });
});

const stored = (id: string) =>
  prisma.run.findUniqueOrThrow({
    where: { id },
    select: { status: true, source: true, flowVersionId: true, error: true, finishedAt: true, duplicateOfId: true },
  });
const queued = async (id: string) => (await sharedRunsQueue().getJob(id))?.data ?? null;

describe("createRun", () => {
  it("stores a manual run with its source from the trigger kind and queues it under its id", async () => {
    const event = { type: "manual", body: { order: 1 }, startedAt: new Date().toISOString() } as const;
    const run = await createRun({ workspaceId, flowId, flowVersionId: versionId, event });
    expect(run).toMatchObject({ workspaceId, status: "QUEUED", duplicateOfId: null });
    expect(await stored(run.id)).toMatchObject({ status: "QUEUED", source: "MANUAL", flowVersionId: versionId });
    expect(await queued(run.id)).toEqual({ runId: run.id, workspaceId });
  });

  it("finds the run of a retried schedule firing by its id, and queues it again", async () => {
    const id = `sched_${flowId}_${Date.now()}`;
    const event = { type: "schedule", scheduledAt: new Date().toISOString() } as const;
    await createRun({ id, workspaceId, flowId, flowVersionId: versionId, event });
    await sharedRunsQueue().remove(id);
    const again = await createRun({ id, workspaceId, flowId, flowVersionId: versionId, event });
    expect(again.id).toBe(id);
    expect(await prisma.run.count({ where: { workspaceId, id } })).toBe(1);
    expect((await stored(id)).source).toBe("SCHEDULE");
    expect(await queued(id)).toEqual({ runId: id, workspaceId });
  });

  it("records a switched-off flow's webhook as SKIPPED, finished and not queued", async () => {
    const event = { type: "webhook", body: {}, query: {}, headers: {}, receivedAt: new Date().toISOString() } as const;
    const run = await createRun({ workspaceId, flowId, flowVersionId: null, status: "SKIPPED", event });
    expect(await stored(run.id)).toMatchObject({
      status: "SKIPPED",
      source: "WEBHOOK",
      error: { message: "The flow was switched off." },
      finishedAt: expect.any(Date),
    });
    expect(await queued(run.id)).toBeNull();
  });

  it("stores a repeated webhook event id as a DUPLICATE of the first run, not queued", async () => {
    const event = { type: "webhook", body: {}, query: {}, headers: {}, receivedAt: new Date().toISOString() } as const;
    const eventId = { value: `evt-${unique}`, dedupWindowDays: 7 };
    const first = await createRun({ workspaceId, flowId, flowVersionId: versionId, event, eventId });
    const repeat = await createRun({ workspaceId, flowId, flowVersionId: versionId, event, eventId });
    expect(first.status).toBe("QUEUED");
    expect(repeat).toMatchObject({ status: "DUPLICATE", duplicateOfId: first.id });
    expect(await stored(repeat.id)).toMatchObject({ status: "DUPLICATE", duplicateOfId: first.id });
    expect(await queued(repeat.id)).toBeNull();
  });
});
