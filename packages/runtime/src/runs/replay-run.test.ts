import { randomBytes } from "node:crypto";
import { type Prisma, prisma, type RunStatus } from "@ledgerflow/db";
import type { FlowDefinition } from "@ledgerflow/engine";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, InvalidInputError } from "../errors/domain-errors";
import { getReplayPlan } from "./plan-replay";
import { replayRun } from "./replay-run";

// Replays are queued on a prefix of this file's own, which no worker consumes: the suite's worker
// would otherwise execute them while the test reads what was queued.
process.env.REDIS_PREFIX = `lftest_replay_${randomBytes(4).toString("hex")}`;

// Re-running against the real database: what each way of re-running would write, and the domain's
// refusal to repeat succeeded writes without an explicit confirmation. Runs are seeded as the
// worker records them; replays are only queued here (what they do in Xero is the worker's suites').

const unique = randomBytes(6).toString("hex");
let workspaceId: string;
let userId: string;
let flowId: string;
let versionId: string;

function orderFlow(connectionId: string): FlowDefinition {
  return {
    schemaVersion: 2,
    trigger: { type: "webhook", config: {} },
    steps: [
      { key: "customer", action: "xero.findContact", connectionId, input: { Name: "{{trigger.body.customer}}" } },
      {
        key: "invoice",
        action: "xero.createInvoice",
        connectionId,
        input: { ContactID: "{{steps.customer.ContactID}}" },
      },
      {
        key: "payment",
        action: "xero.createPayment",
        connectionId,
        input: { InvoiceID: "{{steps.invoice.InvoiceID}}" },
      },
    ],
  };
}

const ACTIONS = { customer: "xero.findContact", invoice: "xero.createInvoice", payment: "xero.createPayment" };

/** A finished run of the flow whose steps ended as given (a missing step never started). */
async function seedRun(status: RunStatus, steps: Partial<Record<keyof typeof ACTIONS, "SUCCEEDED" | "FAILED">>) {
  const run = await prisma.run.create({
    data: {
      workspaceId,
      flowId,
      flowVersionId: versionId,
      status,
      source: "WEBHOOK",
      trigger: { type: "webhook", body: { customer: "Bayside Club" } },
      attempts: 1,
      finishedAt: new Date(),
    },
    select: { id: true },
  });
  await prisma.stepRun.createMany({
    data: Object.entries(steps).map(([stepKey, stepStatus], index) => ({
      workspaceId,
      runId: run.id,
      stepKey,
      index,
      action: ACTIONS[stepKey as keyof typeof ACTIONS],
      status: stepStatus,
      input: {},
      output: stepStatus === "SUCCEEDED" ? { InvoiceID: `i-${unique}` } : undefined,
      error: stepStatus === "FAILED" ? { message: "Xero said no" } : undefined,
      attempts: 1,
      idempotencyKey: `${run.id}:${stepKey}`,
      startedAt: new Date(),
      finishedAt: new Date(),
      durationMs: 10,
    })) as Prisma.StepRunCreateManyInput[],
  });
  return run.id;
}

const replaysOf = (runId: string) =>
  prisma.run.findMany({
    where: { workspaceId, replayOfId: runId },
    include: { steps: { orderBy: { index: "asc" } } },
  });

beforeAll(async () => {
  const user = await prisma.user.create({ data: { email: `replay-${unique}@example.test` } });
  userId = user.id;
  const workspace = await prisma.workspace.create({
    data: { name: `Replay ${unique}`, memberships: { create: { userId, role: "OWNER" } } },
  });
  workspaceId = workspace.id;
  const connection = await prisma.connection.create({
    data: {
      workspaceId,
      provider: "xero",
      externalId: `tenant-${unique}`,
      name: "Demo Company (NZ)",
      createdById: userId,
    },
  });
  const definition = orderFlow(connection.id) as unknown as Prisma.InputJsonValue;
  const flow = await prisma.flow.create({
    data: { workspaceId, name: "Order paid", draft: definition, webhookToken: `replay-${unique}`, enabled: true },
  });
  flowId = flow.id;
  const version = await prisma.flowVersion.create({
    data: { workspaceId, flowId, number: 1, definition, createdById: userId },
  });
  versionId = version.id;
  await prisma.flow.update({ where: { id: flowId }, data: { publishedVersionId: versionId } });
});

afterAll(async () => {
  await prisma.workspace.delete({ where: { id: workspaceId } });
  await prisma.user.delete({ where: { id: userId } });
});

describe("re-running a run whose writes succeeded", () => {
  it("refuses a restart without confirmation, naming what it would write and where, and queues nothing", async () => {
    const runId = await seedRun("SUCCEEDED", { customer: "SUCCEEDED", invoice: "SUCCEEDED", payment: "SUCCEEDED" });
    const refused = replayRun({ workspaceId, userId, runId, mode: "restart" });
    await expect(refused).rejects.toBeInstanceOf(ConflictError);
    await expect(refused).rejects.toThrow(
      "Re-running from the start creates another invoice and payment in Demo Company (NZ), because steps that already succeeded run again. Confirm the re-run to go ahead.",
    );
    await expect(replayRun({ workspaceId, userId, runId, mode: "restart", confirmRepeat: false })).rejects.toThrow(
      ConflictError,
    );
    expect(await replaysOf(runId)).toHaveLength(0);
  });

  it("restarts once confirmed: a new run from the first step, nothing carried over", async () => {
    const runId = await seedRun("SUCCEEDED", { customer: "SUCCEEDED", invoice: "SUCCEEDED", payment: "SUCCEEDED" });
    const { runId: replayId } = await replayRun({ workspaceId, userId, runId, mode: "restart", confirmRepeat: true });
    const [replay] = await replaysOf(runId);
    expect(replay).toMatchObject({ id: replayId, source: "REPLAY", resumeFromStepKey: null, flowVersionId: versionId });
    expect(replay?.steps.filter((step) => step.startedAt < replay.createdAt)).toEqual([]);
  });

  it("has nothing to resume when every step succeeded", async () => {
    const runId = await seedRun("SUCCEEDED", { customer: "SUCCEEDED", invoice: "SUCCEEDED", payment: "SUCCEEDED" });
    expect(await getReplayPlan({ workspaceId, runId })).toMatchObject({
      restart: { repeatsWrites: true },
      resume: null,
    });
    await expect(replayRun({ workspaceId, userId, runId, mode: "resume" })).rejects.toThrow(InvalidInputError);
  });
});

describe("re-running a run that stopped part way", () => {
  it("a failed run: the restart is refused, offering the steps that did not succeed, which re-run without asking", async () => {
    const runId = await seedRun("FAILED", { customer: "SUCCEEDED", invoice: "SUCCEEDED", payment: "FAILED" });
    const plan = await getReplayPlan({ workspaceId, runId });
    expect(plan?.resume).toMatchObject({
      fromStepKey: "payment",
      writes: [{ writes: { noun: "payment" }, organisation: "Demo Company (NZ)", again: false }],
    });
    await expect(replayRun({ workspaceId, userId, runId, mode: "restart" })).rejects.toThrow(
      "Re-running from the start creates another invoice and a payment in Demo Company (NZ), because steps that already succeeded run again. Confirm the re-run to go ahead, or re-run only the steps that did not succeed.",
    );

    await replayRun({ workspaceId, userId, runId, mode: "resume" });
    const [replay] = await replaysOf(runId);
    expect(replay?.resumeFromStepKey).toBe("payment");
    expect(replay?.steps.map((step) => [step.stepKey, step.status, step.idempotencyKey])).toEqual([
      ["customer", "SUCCEEDED", `${runId}:customer`],
      ["invoice", "SUCCEEDED", `${runId}:invoice`],
    ]);
  });

  it("a cancelled run resumes at its first step that did not run", async () => {
    const runId = await seedRun("CANCELLED", { customer: "SUCCEEDED", invoice: "SUCCEEDED" });
    await replayRun({ workspaceId, userId, runId, mode: "resume" });
    const [replay] = await replaysOf(runId);
    expect(replay?.resumeFromStepKey).toBe("payment");
    expect(replay?.steps.map((step) => step.stepKey)).toEqual(["customer", "invoice"]);
  });

  it("restarts without asking when only searches succeeded: nothing would be written twice", async () => {
    const runId = await seedRun("FAILED", { customer: "SUCCEEDED", invoice: "FAILED" });
    expect((await getReplayPlan({ workspaceId, runId }))?.restart).toMatchObject({
      repeatsWrites: false,
      writes: [
        { writes: { noun: "invoice" }, again: false },
        { writes: { noun: "payment" }, again: false },
      ],
    });
    await replayRun({ workspaceId, userId, runId, mode: "restart" });
    expect(await replaysOf(runId)).toHaveLength(1);
  });

  it("refuses to re-run a duplicate delivery, pointing at the run of its event", async () => {
    const first = await seedRun("SUCCEEDED", { customer: "SUCCEEDED", invoice: "SUCCEEDED", payment: "SUCCEEDED" });
    const duplicate = await prisma.run.create({
      data: {
        workspaceId,
        flowId,
        status: "DUPLICATE",
        source: "WEBHOOK",
        duplicateOfId: first,
        finishedAt: new Date(),
      },
    });
    const refused = replayRun({ workspaceId, userId, runId: duplicate.id, mode: "restart", confirmRepeat: true });
    await expect(refused).rejects.toBeInstanceOf(InvalidInputError);
    await expect(refused).rejects.toThrow(/duplicate delivery: re-run the first run/);
    expect(await replaysOf(duplicate.id)).toHaveLength(0);
  });

  it("a resume repeats the key of a step whose outcome is unknown, not of one Xero refused", async () => {
    const timedOut = await seedRun("FAILED", { customer: "SUCCEEDED", invoice: "FAILED" });
    await prisma.stepRun.updateMany({
      where: { workspaceId, runId: timedOut, stepKey: "invoice" },
      data: { error: { message: "Xero did not answer within 30 s.", code: "xero_timeout", retryable: true } },
    });
    await replayRun({ workspaceId, userId, runId: timedOut, mode: "resume" });
    const [resumed] = await replaysOf(timedOut);
    expect(resumed?.steps.map((step) => [step.stepKey, step.status, step.idempotencyKey])).toEqual([
      ["customer", "SUCCEEDED", `${timedOut}:customer`],
      ["invoice", "FAILED", `${timedOut}:invoice`],
    ]);

    const refused = await seedRun("FAILED", { customer: "SUCCEEDED", invoice: "FAILED" });
    await replayRun({ workspaceId, userId, runId: refused, mode: "resume" });
    const [fixed] = await replaysOf(refused);
    expect(fixed?.steps.map((step) => step.stepKey)).toEqual(["customer"]);
  });

  it("plans nothing for another workspace's run", async () => {
    const runId = await seedRun("FAILED", { invoice: "FAILED" });
    expect(await getReplayPlan({ workspaceId: `not-${workspaceId}`, runId })).toBeNull();
  });
});
