import { randomUUID } from "node:crypto";
import { type Prisma, prisma } from "@ledgerflow/db";
import type { FlowDefinition } from "@ledgerflow/engine";
import { afterAll, describe, expect, it } from "vitest";
import { createFlow } from "../../flows/create-flow";
import { listFlows } from "../../flows/presenters/list-flows";
import { disconnectConnection } from "../disconnect-connection";
import { listFlowsUsingConnections } from "./list-flows-using-connections";

// Against real Postgres: a user with two workspaces, the second playing someone else's.
const suffix = randomUUID().slice(0, 8);
const user = await prisma.user.create({ data: { email: `uses-${suffix}@example.test`, name: "Pat" } });
const [ours, theirs] = await Promise.all(
  ["Ours", "Theirs"].map((name) =>
    prisma.workspace.create({
      data: { name: `${name} ${suffix}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
    }),
  ),
);
const workspaceId = ours!.id;

afterAll(async () => {
  await prisma.workspace.deleteMany({ where: { id: { in: [workspaceId, theirs!.id] } } });
  await prisma.user.delete({ where: { id: user.id } });
});

const connection = (inWorkspace: string, name: string) =>
  prisma.connection.create({
    data: { workspaceId: inWorkspace, provider: "http", externalId: randomUUID(), name, createdById: user.id },
  });

const stepUsing = (connectionId: string | undefined): FlowDefinition => ({
  schemaVersion: 2,
  trigger: { type: "webhook", config: {} },
  steps: [{ key: "find_contact", action: "xero.findContact", connectionId, input: {} }],
});

const triggerUsing = (connectionId: string): FlowDefinition => ({
  schemaVersion: 2,
  trigger: { type: "event", config: { event: "xero.event", connectionId, input: {} } },
  steps: [],
});

const json = (definition: FlowDefinition) => definition as unknown as Prisma.InputJsonValue;

/** A flow of `inWorkspace` with `draft`, and `published` as its published version when given. */
async function flowWith(inWorkspace: string, name: string, draft: FlowDefinition, published?: FlowDefinition) {
  const { id } = await createFlow({ workspaceId: inWorkspace, userId: user.id, name });
  await prisma.flow.update({ where: { id }, data: { draft: json(draft) } });
  if (published) {
    const version = await prisma.flowVersion.create({
      data: { workspaceId: inWorkspace, flowId: id, number: 1, definition: json(published) },
    });
    await prisma.flow.update({ where: { id }, data: { publishedVersionId: version.id, enabled: true } });
  }
  return id;
}

describe("listFlowsUsingConnections", () => {
  it("lists the workspace's flows whose draft or published version uses a connection, and no one else's", async () => {
    const used = await connection(workspaceId, "Demo Company");
    const unused = await connection(workspaceId, "Spare");
    const live = await flowWith(workspaceId, "B live", stepUsing(undefined), stepUsing(used.id));
    const drafted = await flowWith(workspaceId, "A drafted", triggerUsing(used.id));
    await flowWith(workspaceId, "C other", stepUsing(unused.id));
    // Someone else's flow naming our connection's id is none of our business, and not listed.
    await flowWith(theirs!.id, "Theirs", stepUsing(used.id), stepUsing(used.id));

    const uses = await listFlowsUsingConnections({ workspaceId });
    expect(uses.get(used.id)).toEqual([
      { id: drafted, name: "A drafted", enabled: false, published: false, draft: true },
      { id: live, name: "B live", enabled: true, published: true, draft: false },
    ]);
    expect(uses.get(unused.id)?.map((flow) => flow.name)).toEqual(["C other"]);
  });

  it("after Disconnect, the flows list names the lost connection on every flow that uses it", async () => {
    const lostOne = await connection(workspaceId, "Gone Ltd");
    const kept = await connection(workspaceId, "Kept Ltd");
    const affected = await flowWith(workspaceId, "Affected", stepUsing(lostOne.id));
    const fine = await flowWith(workspaceId, "Fine", stepUsing(kept.id));
    await disconnectConnection({ workspaceId, connectionId: lostOne.id });

    const { flows } = await listFlows({ workspaceId });
    expect(flows.find((flow) => flow.id === affected)?.lostConnections).toEqual([
      { id: lostOne.id, name: "Gone Ltd", providerTitle: "HTTP", status: "REVOKED" },
    ]);
    expect(flows.find((flow) => flow.id === fine)?.lostConnections).toEqual([]);
  });
});
