-- A run started by a connector's event trigger (Xero's, and any other connector's) has one source
-- whatever the connector: the trigger kind "event". Renaming keeps existing rows.
ALTER TYPE "RunSource" RENAME VALUE 'XERO_EVENT' TO 'EVENT';
