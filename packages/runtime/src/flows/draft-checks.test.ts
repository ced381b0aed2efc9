import { randomUUID } from "node:crypto";
import { prisma } from "@ledgerflow/db";
import { afterAll, describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors/domain-errors";
import { createFlow } from "./create-flow";
import { parseFlowDraft } from "./parse-flow-draft";
import { getFlowForEditor } from "./presenters/get-flow-for-editor";
import { publishFlow } from "./publish-flow";
import { updateFlowDraft } from "./update-flow-draft";

// A draft in progress always saves; switch-on blocks on errors and asks about warnings.
const suffix = randomUUID().slice(0, 8);
const user = await prisma.user.create({ data: { email: `draft-checks-${suffix}@example.test`, name: "Drafter" } });
const workspace = await prisma.workspace.create({
  data: { name: `Drafts ${suffix}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
});
const workspaceId = workspace.id;

afterAll(async () => {
  await prisma.workspace.delete({ where: { id: workspaceId } });
  await prisma.user.delete({ where: { id: user.id } });
});

const trigger = { type: "webhook", config: {}, sample: { body: { customer: { name: "Ana" } } } };
const draftWith = (steps: unknown[]) => ({ schemaVersion: 2, trigger, steps });

async function savedFlow(steps: unknown[]) {
  const { id: flowId } = await createFlow({ workspaceId, userId: user.id });
  await updateFlowDraft({ workspaceId, flowId, draft: parseFlowDraft(draftWith(steps)) });
  return flowId;
}

describe("saving a draft", () => {
  it("saves a list to repeat over that is not chosen yet, and an empty reference", async () => {
    const invoice = {
      key: "create_invoice",
      action: "xero.createInvoice",
      input: { Reference: "{{ }}", LineItems: { $each: "", as: "line", map: {} } },
    };
    const flowId = await savedFlow([invoice]);
    const flow = await getFlowForEditor({ workspaceId, flowId, role: "OWNER" });
    expect(flow.draft.steps).toEqual([invoice]);
  });

  it("refuses what is not a draft in words that name the step and field, never a schema path", () => {
    const broken = draftWith([
      { key: "create_invoice", action: "xero.createInvoice", input: { LineItems: { $each: "lines", as: "line" } } },
    ]);
    let refusal: unknown;
    try {
      parseFlowDraft(broken);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(InvalidInputError);
    const message = (refusal as Error).message;
    expect(message).toMatch(
      /^“Create sales invoice” \(create_invoice\), Line items: "\$each" must be a single reference/,
    );
    expect(message).not.toMatch(/draft\.|steps\.\d|input\./);
  });
});

describe("switching on with a mapping the sample lacks", () => {
  const trim = (text: string) => ({ key: "trim_text", action: "formatter.trimText", input: { text } });

  it("refuses with the warning until the person accepts it, then switches on", async () => {
    const flowId = await savedFlow([trim("{{trigger.body.customer.fullname}}")]);
    const refused = await publishFlow({ workspaceId, userId: user.id, flowId });
    expect(refused).toEqual({
      ok: false,
      problems: [
        {
          stepKey: "trim_text",
          field: "text",
          severity: "warning",
          message: "“customer.fullname” is not in the trigger's sample — check the name, or load a sample that has it",
        },
      ],
    });
    expect((await prisma.flow.findUniqueOrThrow({ where: { id: flowId } })).enabled).toBe(false);

    const accepted = await publishFlow({ workspaceId, userId: user.id, flowId, acceptWarnings: true });
    expect(accepted).toEqual({ ok: true, versionNumber: 1 });
    expect((await prisma.flow.findUniqueOrThrow({ where: { id: flowId } })).enabled).toBe(true);
  });

  it("still blocks on errors when warnings are accepted", async () => {
    const flowId = await savedFlow([
      trim("{{trigger.body.customer.fullname}}"),
      { key: "next", action: "", input: {} },
    ]);
    const result = await publishFlow({ workspaceId, userId: user.id, flowId, acceptWarnings: true });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems.map((problem) => problem.severity ?? "error")).toEqual(["error", "warning"]);
    expect((await prisma.flow.findUniqueOrThrow({ where: { id: flowId } })).enabled).toBe(false);
  });
});
