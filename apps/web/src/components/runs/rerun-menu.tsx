"use client";

import { ChevronDownIcon, RotateCcwIcon, StepForwardIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { replayRunAction } from "@/server/runs/replay-run-action";
import { Button } from "../ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "../ui/dropdown-menu";

interface RerunMenuProps {
  runId: string;
  /** Resuming from the failed step is only possible for a FAILED run. */
  canResume: boolean;
  /** Runs still QUEUED or RUNNING cannot be replayed yet. */
  finished: boolean;
}

/** "Re-run" with its two choices; opens the new run when it has been queued. */
export function RerunMenu({ runId, canResume, finished }: RerunMenuProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const replay = (mode: "restart" | "resume") =>
    startTransition(async () => {
      setError(null);
      const result = await replayRunAction({ runId, mode });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      toast.success(mode === "resume" ? "Resuming from the failed step" : "Re-running from the start");
      router.push(`/runs/${result.data.runId}`);
    });

  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button disabled={pending || !finished} aria-describedby={finished ? undefined : "rerun-unavailable"}>
            <RotateCcwIcon aria-hidden />
            {pending ? "Re-running…" : "Re-run"}
            <ChevronDownIcon aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="w-72">
          <DropdownMenuItem onSelect={() => replay("restart")} className="items-start">
            <RotateCcwIcon aria-hidden className="mt-0.5" />
            <span className="flex flex-col">
              <span className="font-medium text-slate-900">From the start</span>
              <span className="text-xs text-slate-500">
                Every step again, on the integration&apos;s current version.
              </span>
            </span>
          </DropdownMenuItem>
          {canResume ? (
            <DropdownMenuItem onSelect={() => replay("resume")} className="items-start">
              <StepForwardIcon aria-hidden className="mt-0.5" />
              <span className="flex flex-col">
                <span className="font-medium text-slate-900">Resume from the failed step</span>
                <span className="text-xs text-slate-500">
                  On the version this run used; steps that succeeded are not sent to Xero again.
                </span>
              </span>
            </DropdownMenuItem>
          ) : null}
        </DropdownMenuContent>
      </DropdownMenu>
      {finished ? null : (
        <p id="rerun-unavailable" className="text-xs text-slate-500">
          Available once this run has finished.
        </p>
      )}
      {error ? (
        <p role="alert" className="max-w-xs text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
