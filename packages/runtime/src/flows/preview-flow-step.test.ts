import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { afterAll, describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors/domain-errors";
import { createFlow } from "./create-flow";
import { getFlowForEditor } from "./presenters/get-flow-for-editor";
import { previewFlowStep } from "./preview-flow-step";
import { updateFlowDraft } from "./update-flow-draft";

// The editor's live preview against the real database: the step as typed, on the saved sample,
// nothing kept — and never a step that writes or reaches another app.
const suffix = randomUUID().slice(0, 8);
const user = await prisma.user.create({ data: { email: `preview-${suffix}@example.test`, name: "Previewer" } });
const workspace = await prisma.workspace.create({
  data: { name: `Preview ${suffix}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
});
const workspaceId = workspace.id;
afterAll(async () => {
  await prisma.workspace.delete({ where: { id: workspaceId } });
  await prisma.user.delete({ where: { id: user.id } });
});

async function flowWith(steps: Parameters<typeof updateFlowDraft>[0]["draft"]["steps"]) {
  const { id: flowId } = await createFlow({ workspaceId, userId: user.id });
  await updateFlowDraft({
    workspaceId,
    flowId,
    draft: {
      schemaVersion: 2,
      trigger: { type: "webhook", config: {}, sample: { body: { total: "1.234,50" } } },
      steps,
    },
  });
  return flowId;
}

describe("previewFlowStep", () => {
  it("runs the step as typed on the sample, saved or not, and keeps nothing", async () => {
    const flowId = await flowWith([
      { key: "total", action: "formatter.parseNumber", input: { text: "{{trigger.body.total}}" } },
    ]);
    const typed = {
      key: "total",
      action: "formatter.parseNumber",
      input: { text: "{{trigger.body.total}}", locale: "de-DE" },
    };
    expect(await previewFlowStep({ workspaceId, flowId, step: typed })).toMatchObject({ output: { value: 1234.5 } });
    const unsaved = { key: "shout", action: "formatter.changeCase", input: { text: "quiet", to: "upper" } };
    expect(await previewFlowStep({ workspaceId, flowId, step: unsaved })).toMatchObject({ output: { value: "QUIET" } });
    const { stepSamples, draft } = await getFlowForEditor({ workspaceId, flowId, role: "OWNER" });
    expect(stepSamples).toEqual([]);
    expect(draft.steps).toHaveLength(1);
  });

  it("says what the step cannot read, as Test does", async () => {
    const flowId = await flowWith([]);
    const typed = {
      key: "total",
      action: "formatter.parseNumber",
      input: { text: "{{trigger.body.total}}", locale: "en-US" },
    };
    expect(await previewFlowStep({ workspaceId, flowId, step: typed })).toMatchObject({
      error: { code: "invalid_input", field: "text" },
    });
  });

  it("refuses a step that writes or reaches another app, even a GET", async () => {
    const flowId = await flowWith([]);
    for (const step of [
      { key: "get", action: "http.request", input: { method: "GET", url: "https://example.com" } },
      { key: "contact", action: "xero.upsertContact", input: { Name: "Ada" } },
    ]) {
      await expect(previewFlowStep({ workspaceId, flowId, step })).rejects.toBeInstanceOf(InvalidInputError);
    }
  });
});
