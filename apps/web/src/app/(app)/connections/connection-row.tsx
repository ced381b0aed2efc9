import type { ConnectionListItem, FlowUsingConnection } from "@ledgerflow/runtime";
import { FlowLinks } from "@/components/flows/flow-links";
import { LocalTime } from "@/components/local-time";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { DisconnectButton } from "./disconnect-button";
import { StartConnectionButton } from "./start-connection-button";

const statusBadge: Record<ConnectionListItem["status"], { label: string; tone: BadgeProps["tone"] }> = {
  ACTIVE: { label: "Active", tone: "success" },
  NEEDS_REAUTH: { label: "Needs reconnect", tone: "warning" },
  REVOKED: { label: "Revoked", tone: "neutral" },
};

interface ConnectionRowProps {
  connection: ConnectionListItem;
  /** The connector's name: "Xero", "HTTP". */
  providerTitle: string;
  /** Made through a consent (Xero's OAuth), so "Reconnect" can renew it; a typed-in one is added again. */
  reconnectable: boolean;
  canManage: boolean;
  /** The flows that use it (published or in draft): Disconnect names them. */
  flows: FlowUsingConnection[];
}

/** One connection, by its name (a Xero organisation's): who connected it and when, its status, and what an editor can do. */
export function ConnectionRow({ connection, providerTitle, reconnectable, canManage, flows }: ConnectionRowProps) {
  const badge = statusBadge[connection.status];
  const connectedBy = connection.createdBy.name ?? connection.createdBy.email;
  return (
    <li
      aria-label={connection.name}
      className="flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="flex min-w-0 flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2">
          <span className="truncate font-medium text-slate-900">{connection.name}</span>
          <Badge tone={badge.tone}>{badge.label}</Badge>
        </div>
        <p className="text-sm text-slate-500">
          {providerTitle} · connected by {connectedBy} on <LocalTime value={connection.createdAt} format="date" />
        </p>
        {connection.status !== "ACTIVE" && flows.length > 0 ? (
          <p className="text-sm text-amber-800">
            Used by {flows.length} flow{flows.length === 1 ? "" : "s"}: <FlowLinks flows={flows} />.{" "}
            {reconnectable
              ? "Reconnect it, or choose another connection in them."
              : "Choose another connection in them."}
          </p>
        ) : null}
        {connection.status === "NEEDS_REAUTH" ? (
          <p className="text-sm text-amber-800">
            Xero no longer accepts this connection. Reconnect it so its flows can run again.
          </p>
        ) : null}
      </div>
      {canManage ? (
        <div className="flex shrink-0 items-start gap-2">
          {reconnectable && connection.status !== "ACTIVE" ? <StartConnectionButton label="Reconnect" /> : null}
          {connection.status !== "REVOKED" ? (
            <DisconnectButton
              connectionId={connection.id}
              organisationName={connection.name}
              providerTitle={providerTitle}
              revocable={reconnectable}
              flows={flows}
            />
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
