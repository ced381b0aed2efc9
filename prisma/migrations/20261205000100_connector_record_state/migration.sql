-- The fan-out of connector events (docs/ARCHITECTURE.md §6, "Connector events"): failed attempts per
-- event, the account index it reads by, and the last state seen of each record per connection.
ALTER TABLE "ConnectorEvent" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ConnectorEvent" ADD COLUMN "failure" TEXT;

CREATE INDEX "ConnectorEvent_provider_accountExternalId_fannedOutAt_receivedAt_idx" ON "ConnectorEvent"("provider", "accountExternalId", "fannedOutAt", "receivedAt");

CREATE TABLE "ConnectorRecordState" (
    "connectionId" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "recordKey" TEXT NOT NULL,
    "state" JSONB NOT NULL,
    "previousState" JSONB,
    "lastEventId" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ConnectorRecordState_pkey" PRIMARY KEY ("connectionId","recordKey")
);

CREATE INDEX "ConnectorRecordState_workspaceId_idx" ON "ConnectorRecordState"("workspaceId");

ALTER TABLE "ConnectorRecordState" ADD CONSTRAINT "ConnectorRecordState_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "Connection"("id") ON DELETE CASCADE ON UPDATE CASCADE;
