import type { FlowList as FlowListData } from "@ledgerflow/runtime";
import Link from "next/link";
import { PageHeader } from "../app-shell/page-header";
import { FlowLinks } from "./flow-links";
import { FlowList } from "./flow-list";
import { FlowsEmptyState } from "./flows-empty-state";
import { NewFlowButton } from "./new-flow-button";

/** The signed-in home. */
export function FlowsScreen({ list, canEdit }: { list: FlowListData; canEdit: boolean }) {
  const { flows, connectionCount } = list;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-6 sm:px-8 sm:py-10">
      <PageHeader
        title="Flows"
        description="Each flow turns events from your other apps into bookkeeping in Xero."
        actions={canEdit && flows.length > 0 ? <NewFlowButton /> : null}
      />
      <LostConnectionsNotice flows={flows} />
      {flows.length === 0 ? (
        <FlowsEmptyState hasConnection={connectionCount > 0} canEdit={canEdit} />
      ) : (
        <FlowList flows={flows} canEdit={canEdit} />
      )}
    </div>
  );
}

/** The owner is told in the app (email comes with alerts): which flows lost a connection, and where to fix it. */
function LostConnectionsNotice({ flows }: { flows: FlowListData["flows"] }) {
  const affected = flows.filter((flow) => flow.lostConnections.length > 0);
  if (affected.length === 0) return null;
  const names = [...new Set(affected.flatMap((flow) => flow.lostConnections.map((connection) => connection.name)))];
  return (
    <section
      aria-labelledby="lost-connections-heading"
      className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <h2 id="lost-connections-heading" className="font-semibold">
        {affected.length === 1 ? "1 flow uses" : `${affected.length} flows use`} a connection that no longer works (
        {names.join(", ")})
      </h2>
      <p className="mt-1">
        Their runs fail until you{" "}
        <Link href="/connections" className="font-medium underline hover:no-underline">
          reconnect it on the Connections page
        </Link>{" "}
        or choose another connection in each: <FlowLinks flows={affected} />.
      </p>
    </section>
  );
}
