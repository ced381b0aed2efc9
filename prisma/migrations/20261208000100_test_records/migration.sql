-- What step tests created (docs/ARCHITECTURE.md §6, "Test"): each record, for the editor's list and
-- its clean-up, and the connection each step sample was tested with (a test with another is stale).
ALTER TABLE "StepSample" ADD COLUMN "connectionId" TEXT;

CREATE TABLE "TestRecord" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "flowId" TEXT NOT NULL,
    "stepKey" TEXT NOT NULL,
    "connectionId" TEXT,
    "action" TEXT NOT NULL,
    "noun" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cleanedAt" TIMESTAMP(3),
    "cleanupResult" TEXT,
    "cleanupError" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "TestRecord_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "TestRecord_workspaceId_flowId_createdAt_idx" ON "TestRecord"("workspaceId", "flowId", "createdAt");

ALTER TABLE "TestRecord" ADD CONSTRAINT "TestRecord_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "TestRecord" ADD CONSTRAINT "TestRecord_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE SET NULL ON UPDATE CASCADE;
