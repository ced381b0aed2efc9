import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { afterAll, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError } from "../errors/domain-errors";
import { createFlow } from "./create-flow";
import { getFlowForEditor } from "./presenters/get-flow-for-editor";
import { saveStepSample } from "./save-step-sample";
import { testFlowStep } from "./test-flow-step";
import { updateFlowDraft } from "./update-flow-draft";

// Tests that reach Xero live with the worker's suites (they need a connected sandbox organisation);
// these cover what the editor relies on before any Xero call: the result is stored as the sample.
const suffix = randomUUID().slice(0, 8);
const user = await prisma.user.create({ data: { email: `test-step-${suffix}@example.test`, name: "Step tester" } });
const workspace = await prisma.workspace.create({
  data: { name: `Test step ${suffix}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
});
const workspaceId = workspace.id;

afterAll(async () => {
  await prisma.workspace.delete({ where: { id: workspaceId } });
  await prisma.user.delete({ where: { id: user.id } });
});

async function flowWithSteps(steps: Parameters<typeof updateFlowDraft>[0]["draft"]["steps"]) {
  const { id: flowId } = await createFlow({ workspaceId, userId: user.id });
  await updateFlowDraft({
    workspaceId,
    flowId,
    draft: { schemaVersion: 2, trigger: { type: "webhook", config: {}, sample: { body: { name: "Ada" } } }, steps },
  });
  return flowId;
}

describe("testFlowStep", () => {
  it("stores a step without a Xero organisation as a failed test naming the field", async () => {
    const flowId = await flowWithSteps([{ key: "tracking", action: "xero.getTrackingCategories", input: {} }]);
    const sample = await testFlowStep({ workspaceId, flowId, stepKey: "tracking" });
    expect(sample.output).toBeNull();
    expect(sample.error).toMatchObject({
      field: "connectionId",
      message: "Choose the Xero organisation this step uses.",
    });
    const { stepSamples } = await getFlowForEditor({ workspaceId, flowId, role: "OWNER" });
    expect(stepSamples.map((stored) => stored.stepKey)).toEqual(["tracking"]);
  });

  it("shows the resolved input even when the action refuses it", async () => {
    const flowId = await flowWithSteps([
      { key: "find", action: "xero.findContact", input: { Name: "{{trigger.body.name}}" } },
    ]);
    const sample = await testFlowStep({ workspaceId, flowId, stepKey: "find" });
    expect(sample.input).toMatchObject({ Name: "Ada" });
    expect(sample.error).not.toBeNull();
  });

  it("reports an unknown step as a failed test, not a crash", async () => {
    const flowId = await flowWithSteps([]);
    const sample = await testFlowStep({ workspaceId, flowId, stepKey: "missing" });
    expect(sample.error).toMatchObject({ code: "unknown_step" });
  });

  it("asks before testing again a step whose last test created an invoice, and tests once confirmed", async () => {
    const connection = await prisma.connection.create({
      data: {
        workspaceId,
        provider: "xero",
        externalId: `tenant-${suffix}`,
        name: "Demo Company (NZ)",
        createdById: user.id,
      },
    });
    const flowId = await flowWithSteps([
      { key: "invoice", action: "xero.createInvoice", connectionId: connection.id, input: { ContactName: "Ada" } },
    ]);
    const first = await saveStepSample({
      workspaceId,
      flowId,
      stepKey: "invoice",
      input: { ContactName: "Ada" },
      output: { InvoiceID: "243216c5-369e-4056-ac67-05388f86dc81", InvoiceNumber: "INV-0042" },
    });

    for (const confirmRepeat of [undefined, false]) {
      const refused = testFlowStep({ workspaceId, flowId, stepKey: "invoice", confirmRepeat });
      await expect(refused).rejects.toBeInstanceOf(ConflictError);
      await expect(refused).rejects.toThrow(
        "You already created INV-0042 by testing this step; testing it again creates another invoice in Demo Company (NZ). Confirm to test again.",
      );
    }
    const { stepSamples } = await getFlowForEditor({ workspaceId, flowId, role: "EDITOR" });
    expect(stepSamples[0]?.testedAt).toEqual(first.testedAt);

    // Confirmed, the test runs: this connection holds no tokens, so Xero is never reached and the test fails.
    const tested = await testFlowStep({ workspaceId, flowId, stepKey: "invoice", confirmRepeat: true });
    expect(tested.testedAt.getTime()).toBeGreaterThan(first.testedAt.getTime());
    expect(tested.output).toBeNull();
    expect(tested.error).not.toBeNull();
    // The last test created nothing, so the next one does not ask.
    const next = await testFlowStep({ workspaceId, flowId, stepKey: "invoice" });
    expect(next.error).not.toBeNull();
  });

  it("never asks before testing again a search, or a step that finds the same object again", async () => {
    const flowId = await flowWithSteps([
      { key: "find", action: "xero.findContact", input: { Name: "Ada" } },
      { key: "contact", action: "xero.findOrCreateContact", input: { Name: "Ada" } },
    ]);
    for (const stepKey of ["find", "contact"]) {
      await saveStepSample({ workspaceId, flowId, stepKey, input: {}, output: { ContactID: "c-1", Name: "Ada" } });
      const sample = await testFlowStep({ workspaceId, flowId, stepKey });
      expect(sample.error).toMatchObject({ field: "connectionId" });
    }
  });

  it("treats another workspace's flow as not found", async () => {
    const other = await prisma.workspace.create({ data: { name: `Other ${suffix}` } });
    try {
      const { id: flowId } = await createFlow({ workspaceId: other.id, userId: user.id });
      await expect(testFlowStep({ workspaceId, flowId, stepKey: "a" })).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await prisma.workspace.delete({ where: { id: other.id } });
    }
  });
});
