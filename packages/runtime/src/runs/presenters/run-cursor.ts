import { z } from "zod";

// A keyset cursor: the (createdAt, id) of the row a page starts after. It travels in URLs, so it is
// opaque (base64url) and strictly validated on the way back in — a tampered cursor is a 400, not a crash.

export interface RunCursor {
  createdAt: Date;
  id: string;
}

const cursorPayload = z.tuple([z.iso.datetime(), z.string().min(1).max(64)]);

export function encodeRunCursor(cursor: RunCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt.toISOString(), cursor.id])).toString("base64url");
}

/** Returns null for anything that is not a cursor this module produced. */
export function decodeRunCursor(value: string): RunCursor | null {
  try {
    const parsed = cursorPayload.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    return { createdAt: new Date(parsed.data[0]), id: parsed.data[1] };
  } catch {
    return null;
  }
}
