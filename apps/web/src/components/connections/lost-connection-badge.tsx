import { AlertCircleIcon } from "lucide-react";
import { lostConnectionMessage } from "./lost-connection-message";

/** On an editor card (a step, the trigger) whose connection no longer works; nothing while it works. */
export function LostConnectionBadge({
  connection,
}: {
  connection: { providerTitle: string; status: "ACTIVE" | "NEEDS_REAUTH" | "REVOKED" } | undefined;
}) {
  if (!connection || connection.status === "ACTIVE") return null;
  return (
    <span className="inline-flex items-center gap-1 text-amber-800">
      <AlertCircleIcon aria-hidden className="size-3.5" />
      {lostConnectionMessage(connection.providerTitle, connection.status)}
    </span>
  );
}
