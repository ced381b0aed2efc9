import type { FlowList } from "@ledgerflow/runtime";
import { PageHeader } from "../app-shell/page-header";
import { IntegrationList } from "./integration-list";
import { IntegrationsEmptyState } from "./integrations-empty-state";
import { NewIntegrationButton } from "./new-integration-button";

/** The signed-in home. */
export function IntegrationsScreen({ list, canEdit }: { list: FlowList; canEdit: boolean }) {
  const { flows, connectionCount } = list;
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-6 px-4 py-6 sm:px-8 sm:py-10">
      <PageHeader
        title="Integrations"
        description="Each integration turns events from your other apps into bookkeeping in Xero."
        actions={canEdit && flows.length > 0 ? <NewIntegrationButton /> : null}
      />
      {flows.length === 0 ? (
        <IntegrationsEmptyState hasConnection={connectionCount > 0} canEdit={canEdit} />
      ) : (
        <IntegrationList flows={flows} canEdit={canEdit} />
      )}
    </div>
  );
}
