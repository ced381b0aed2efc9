/** How long a request waits for Redis before carrying on without it (its data is safe in PostgreSQL). */
export const REDIS_DEADLINE_MS = 1_000;

/**
 * `work`, or a rejection once Redis has not answered within `ms`: a webhook must be answered even
 * when Redis hangs rather than refuses, as what it stored is already committed.
 */
export async function withRedisDeadline<T>(work: Promise<T>, ms = REDIS_DEADLINE_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
