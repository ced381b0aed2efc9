import type { FastifyReply } from "fastify";
import type { z } from "zod";

/**
 * Parses a request part with a zod schema. On failure it answers 400 with a message naming each bad
 * field and returns undefined, so a route reads: `const body = parseInput(schema, request.body, reply); if (!body) return;`
 */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  reply: FastifyReply,
): z.infer<Schema> | undefined {
  const parsed = schema.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`);
  void reply.code(400).send({ error: "invalid_request", message: problems.join("; ") });
  return undefined;
}
