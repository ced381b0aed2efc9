import { prisma } from "@ledgerflow/db";
import { appConnectors } from "../../connectors/app-connectors";

export interface ListTestRecordsOptions {
  workspaceId: string;
  flowId: string;
}

/** One record a test created, as the editor's "Records your tests created" lists it. */
export interface TestRecordView {
  id: string;
  stepKey: string;
  noun: string;
  /** "Invoice INV-0012 (draft) · Acme Ltd". */
  label: string;
  /** The organisation it is in, unless its connection was removed since. */
  connectionName: string | null;
  createdAt: Date;
  cleanedAt: Date | null;
  /** What clean-up did ("Deleted"), or why it could not (`cleanupError`). */
  cleanupResult: string | null;
  cleanupError: boolean;
  /** What clean-up will do, for its confirmation ("a draft invoice is deleted; …"); null if it cannot. */
  cleanUp: string | null;
}

/** The records a flow's tests created, newest first, cleaned ones included with what was done. */
export async function listTestRecords({ workspaceId, flowId }: ListTestRecordsOptions): Promise<TestRecordView[]> {
  const rows = await prisma.testRecord.findMany({
    where: { workspaceId, flowId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      stepKey: true,
      action: true,
      noun: true,
      label: true,
      createdAt: true,
      cleanedAt: true,
      cleanupResult: true,
      cleanupError: true,
      connection: { select: { name: true } },
    },
  });
  const { catalog } = appConnectors();
  return rows.map(({ action, connection, ...row }) => ({
    ...row,
    connectionName: connection?.name ?? null,
    cleanUp: catalog.get(action)?.test?.record?.cleanUpDescription ?? null,
  }));
}
