-- Events a connector's provider pushes (Xero's signed webhooks), stored before the delivery is
-- answered. Provider-neutral like Connection: the connector computes dedupKey, so a redelivered
-- event is one row however often it arrives.
CREATE TABLE "ConnectorEvent" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "dedupKey" TEXT NOT NULL,
    "accountExternalId" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fannedOutAt" TIMESTAMP(3),

    CONSTRAINT "ConnectorEvent_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "ConnectorEvent_provider_dedupKey_key" ON "ConnectorEvent"("provider", "dedupKey");
CREATE INDEX "ConnectorEvent_provider_fannedOutAt_idx" ON "ConnectorEvent"("provider", "fannedOutAt");

-- Every signed delivery to a connector's event endpoint, for the operator's settings page. Unsigned
-- requests write nothing (anyone who can reach the URL could fill the table).
CREATE TABLE "ConnectorDelivery" (
    "id" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "eventCount" INTEGER NOT NULL DEFAULT 0,
    "failure" TEXT,

    CONSTRAINT "ConnectorDelivery_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "ConnectorDelivery_provider_receivedAt_idx" ON "ConnectorDelivery"("provider", "receivedAt");
