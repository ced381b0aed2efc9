-- Connection becomes provider-neutral, so a second connector needs no migration of the core.
-- The core keeps the account's id at the provider (externalId) and the name the UI shows (name),
-- and the connector owns everything else in providerData, a JSON object the core never reads.
-- Existing rows keep their data: Xero's tenant id and organisation name are renamed in place, and
-- its tenant type and tenant connection id move into providerData (packages/connectors/xero,
-- xero-provider-data.ts). A row without a Xero connection id gets none in providerData.
ALTER TABLE "Connection" RENAME COLUMN "tenantId" TO "externalId";
ALTER TABLE "Connection" RENAME COLUMN "tenantName" TO "name";
ALTER TABLE "Connection" ADD COLUMN "providerData" JSONB NOT NULL DEFAULT '{}';

UPDATE "Connection"
SET "providerData" = jsonb_strip_nulls(
  jsonb_build_object('tenantType', "tenantType", 'connectionId', "xeroConnectionId")
)
WHERE "provider" = 'xero';

ALTER TABLE "Connection" DROP COLUMN "tenantType";
ALTER TABLE "Connection" DROP COLUMN "xeroConnectionId";

-- Which connector owns a row is always said by whoever creates it, never assumed by the core.
ALTER TABLE "Connection" ALTER COLUMN "provider" DROP DEFAULT;

ALTER INDEX "Connection_workspaceId_provider_tenantId_key" RENAME TO "Connection_workspaceId_provider_externalId_key";
