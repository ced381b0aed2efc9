import { randomBytes } from "node:crypto";

/** The secret part of `POST /api/hooks/<token>`: 32 random bytes, base64url (43 characters). */
export function generateWebhookToken(): string {
  return randomBytes(32).toString("base64url");
}
