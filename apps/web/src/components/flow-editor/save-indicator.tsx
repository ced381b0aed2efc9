import { AlertCircleIcon, CheckIcon, LoaderIcon } from "lucide-react";
import type { SaveStatus } from "./use-flow-draft";

/** "Saving…" / "Saved" next to the title; errors say what happened and that nothing is lost. */
export function SaveIndicator({ status }: { status: SaveStatus }) {
  return (
    <p role="status" aria-live="polite" className="flex items-center gap-1.5 text-xs text-slate-500">
      {status.state === "saving" || status.state === "pending" ? (
        <>
          <LoaderIcon aria-hidden className="size-3.5 animate-spin" />
          Saving…
        </>
      ) : status.state === "saved" ? (
        <>
          <CheckIcon aria-hidden className="size-3.5 text-brand-600" />
          Saved
        </>
      ) : (
        <span className="flex items-center gap-1.5 text-red-700" title={status.message}>
          <AlertCircleIcon aria-hidden className="size-3.5" />
          Not saved: {status.message}
        </span>
      )}
    </p>
  );
}
