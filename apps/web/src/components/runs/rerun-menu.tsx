"use client";

import { describeWrites } from "@ledgerflow/engine";
import type { ReplayPlan } from "@ledgerflow/runtime";
import { ChevronDownIcon, RotateCcwIcon, StepForwardIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { replayRunAction } from "@/server/runs/replay-run-action";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "../ui/dropdown-menu";

interface RerunMenuProps {
  runId: string;
  /** What each way of re-running writes to Xero (getReplayPlan). */
  plan: ReplayPlan;
  /** Runs still QUEUED or RUNNING cannot be replayed yet. */
  finished: boolean;
}

type Mode = "restart" | "resume";

/** " It creates an invoice in Demo Company (NZ)." — or nothing when the steps only read. */
const writesSentence = (writes: Parameters<typeof describeWrites>[0]) =>
  writes.length > 0 ? ` It ${describeWrites(writes)}.` : "";

/**
 * "Re-run" with its two choices, each saying what it writes to Xero; opens the new run once it has
 * been queued. A restart that would write again what already succeeded asks first (the domain
 * refuses it otherwise); re-running only the steps that did not succeed writes nothing twice.
 */
export function RerunMenu({ runId, plan, finished }: RerunMenuProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const restart = plan.restart;

  const replay = (mode: Mode, confirmRepeat?: boolean) =>
    startTransition(async () => {
      setError(null);
      const result = await replayRunAction({ runId, mode, confirmRepeat });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setConfirming(false);
      toast.success(mode === "resume" ? "Re-running the steps that did not succeed" : "Re-running from the start");
      router.push(`/runs/${result.data.runId}`);
    });

  const chooseRestart = () => {
    if (restart?.repeatsWrites) {
      setError(null);
      setConfirming(true);
    } else replay("restart");
  };

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
        <DropdownMenuContent
          align="end"
          className="w-80 max-w-[calc(100vw-2rem)]"
          // The confirmation takes the focus; handing it back to the trigger would close it again.
          onCloseAutoFocus={(event) => confirming && event.preventDefault()}
        >
          {plan.resume ? (
            <DropdownMenuItem onSelect={() => replay("resume")} className="items-start">
              <StepForwardIcon aria-hidden className="mt-0.5" />
              <span className="flex flex-col">
                <span className="font-medium text-slate-900">Re-run the steps that did not succeed</span>
                <span className="text-xs text-slate-500">
                  On the version this run used; steps that succeeded are not sent to Xero again.
                  {writesSentence(plan.resume.writes)}
                </span>
              </span>
            </DropdownMenuItem>
          ) : null}
          <DropdownMenuItem onSelect={chooseRestart} className="items-start">
            <RotateCcwIcon aria-hidden className="mt-0.5" />
            <span className="flex flex-col">
              <span className="font-medium text-slate-900">From the start</span>
              <span className="text-xs text-slate-500">
                Every step again, on the flow&apos;s current version.{writesSentence(restart?.writes ?? [])}
              </span>
            </span>
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {finished ? null : (
        <p id="rerun-unavailable" className="text-xs text-slate-500">
          Available once this run has finished.
        </p>
      )}
      {error && !confirming ? (
        <p role="alert" className="max-w-xs text-sm text-red-700">
          {error}
        </p>
      ) : null}
      {restart?.repeatsWrites ? (
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title="Re-run from the start?"
          description={
            <>
              This {describeWrites(restart.writes)}: the steps that already succeeded run again.
              {plan.resume ? " To finish only what is left, re-run the steps that did not succeed instead." : null}
            </>
          }
          confirmLabel="Re-run from the start"
          pendingLabel="Re-running…"
          pending={pending}
          onConfirm={() => replay("restart", true)}
          error={error}
        />
      ) : null}
    </div>
  );
}
