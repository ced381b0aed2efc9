import type { FlowList as FlowListData } from "@ledgerflow/runtime";
import { PageHeader } from "../app-shell/page-header";
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
      {flows.length === 0 ? (
        <FlowsEmptyState hasConnection={connectionCount > 0} canEdit={canEdit} />
      ) : (
        <FlowList flows={flows} canEdit={canEdit} />
      )}
    </div>
  );
}
