import { prisma } from "@ledgerflow/db";
import { triggerSchema } from "@ledgerflow/engine";
import { eventTrigger } from "../event/event-trigger";

/**
 * At worker start: arms or disarms the polls of every switched-on flow started by an app event,
 * as its trigger needs now — Redis may have lost its job schedulers, and an instant trigger polls
 * only while its provider's pushes are not configured (setting XERO_WEBHOOK_KEY stops the polls at
 * the next start; removing it starts them). Every cursor that exists is kept. Returns how many flows poll.
 */
export async function rearmPolls(): Promise<number> {
  const flows = await prisma.$queryRaw<{ id: string; workspaceId: string; trigger: unknown }[]>`
    SELECT f."id", f."workspaceId", v."definition"->'trigger' AS "trigger"
    FROM "Flow" f JOIN "FlowVersion" v ON v."id" = f."publishedVersionId" AND v."workspaceId" = f."workspaceId"
    WHERE f."enabled" AND v."definition"->'trigger'->>'type' = 'event'`;
  for (const flow of flows) {
    const parsed = triggerSchema.safeParse(flow.trigger);
    if (parsed.success && parsed.data.type === "event") await eventTrigger.arm?.(flow, parsed.data);
  }
  return prisma.triggerCursor.count({ where: { flowId: { in: flows.map((flow) => flow.id) } } });
}
