-- Polling triggers (docs/ARCHITECTURE.md §6, "Polling"): where each polling flow resumes, and what
-- each polling flow last saw of every record it found.
CREATE TABLE "TriggerCursor" (
    "flowId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "triggerKey" TEXT NOT NULL,
    "connectionId" TEXT NOT NULL,
    "since" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3),
    "lastPolledAt" TIMESTAMP(3),
    "lastFailure" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TriggerCursor_pkey" PRIMARY KEY ("flowId")
);

CREATE INDEX "TriggerCursor_workspaceId_idx" ON "TriggerCursor"("workspaceId");

ALTER TABLE "TriggerCursor" ADD CONSTRAINT "TriggerCursor_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "PolledRecordState" (
    "flowId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "recordKey" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "lastKey" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PolledRecordState_pkey" PRIMARY KEY ("flowId","recordKey")
);

CREATE INDEX "PolledRecordState_workspaceId_idx" ON "PolledRecordState"("workspaceId");

ALTER TABLE "PolledRecordState" ADD CONSTRAINT "PolledRecordState_flowId_fkey" FOREIGN KEY ("flowId") REFERENCES "Flow"("id") ON DELETE CASCADE ON UPDATE CASCADE;
