import { prisma } from "@ledgerflow/db";
import { redisKey, sharedRedis } from "@ledgerflow/queue";
import { NotFoundError } from "../errors/domain-errors";
import type { TriggerEvent } from "./trigger-event";

// "Listen for a test event" in the editor: the next webhook the flow receives within this window is
// kept as the trigger's sample. It lives in Redis (not the draft) so accept-webhook never races autosave.
const LISTEN_SECONDS = 600;
const listeningKey = (flowId: string) => redisKey("listen", flowId);
const capturedKey = (flowId: string) => redisKey("listen", flowId, "event");

export async function startListeningForTestEvent(input: { workspaceId: string; flowId: string }): Promise<void> {
  const flow = await prisma.flow.findFirst({
    where: { id: input.flowId, workspaceId: input.workspaceId },
    select: { id: true },
  });
  if (!flow) throw new NotFoundError("Flow");
  await sharedRedis().multi().del(capturedKey(flow.id)).set(listeningKey(flow.id), "1", "EX", LISTEN_SECONDS).exec();
}

/** Called by accept-webhook; costs one Redis GET when nobody is listening. */
export async function captureTestEventIfListening(flow: { id: string }, event: TriggerEvent): Promise<void> {
  try {
    const redis = sharedRedis();
    if (!(await redis.get(listeningKey(flow.id)))) return;
    await redis
      .multi()
      .set(capturedKey(flow.id), JSON.stringify(event), "EX", LISTEN_SECONDS)
      .del(listeningKey(flow.id))
      .exec();
  } catch {
    // Redis down: the run itself is stored; only the editor's sample capture is lost.
  }
}

/** The captured event, once; null while still waiting. */
export async function takeTestEvent(input: { workspaceId: string; flowId: string }): Promise<TriggerEvent | null> {
  const flow = await prisma.flow.findFirst({
    where: { id: input.flowId, workspaceId: input.workspaceId },
    select: { id: true },
  });
  if (!flow) throw new NotFoundError("Flow");
  const raw = await sharedRedis().getdel(capturedKey(flow.id));
  return raw ? (JSON.parse(raw) as TriggerEvent) : null;
}
