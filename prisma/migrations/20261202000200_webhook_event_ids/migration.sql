-- Webhook ingress: per-flow settings (event id, signature scheme), deduplication by event id.

-- AlterEnum (the new value is not used in this migration: PostgreSQL allows adding it in a transaction)
ALTER TYPE "RunStatus" ADD VALUE 'DUPLICATE';

-- AlterTable
ALTER TABLE "Flow" ADD COLUMN "webhookSettings" JSONB;

-- AlterTable
ALTER TABLE "Run" ADD COLUMN "eventId" TEXT,
ADD COLUMN "duplicateOfId" TEXT;

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "flowId" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("flowId","eventId")
);

-- CreateIndex
CREATE INDEX "WebhookEvent_expiresAt_idx" ON "WebhookEvent"("expiresAt");

-- AddForeignKey
ALTER TABLE "WebhookEvent" ADD CONSTRAINT "WebhookEvent_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;
