import { type RunDetail, SWITCHED_OFF } from "@ledgerflow/runtime";
import Link from "next/link";
import type { ReactNode } from "react";
import { LocalTime } from "../local-time";
import type { BadgeProps } from "../ui/badge";
import { cn } from "../ui/class-names";
import { readStepError } from "./read-step-error";
import { runStatusLabel, runStatusTone } from "./run-status-label";
import { StepErrorCallout } from "./step-error-callout";

// The run page's one sentence about its status: the badge's word first and in the badge's colour,
// so badge, banner and the Version fact never disagree (a skipped run is not "failed").

const toneClass: Record<NonNullable<BadgeProps["tone"]>, string> = {
  neutral: "border-slate-200 bg-white text-slate-700",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
  danger: "border-red-200 bg-red-50 text-red-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  info: "border-sky-200 bg-sky-50 text-sky-900",
  brand: "border-brand-100 bg-brand-50 text-brand-700",
};

/** "“Create invoice” (create_invoice)": a step by what it does, and by its key. */
export function stepName(run: RunDetail, stepKey: string): string {
  const title = run.stepTitles[stepKey];
  return title && title !== stepKey ? `“${title}” (${stepKey})` : stepKey;
}

interface Banner {
  heading: ReactNode;
  body?: ReactNode;
}

function bannerOf(run: RunDetail): Banner | "error" {
  const last = run.steps.at(-1);
  const failed = run.steps.find((step) => step.status === "FAILED");
  const label = runStatusLabel[run.status];
  switch (run.status) {
    case "QUEUED":
      return { heading: `${label}: it starts as soon as a worker is free.` };
    case "RUNNING":
      return { heading: `${label}: its steps are running now. This page refreshes by itself.` };
    case "WAITING":
      return {
        heading: (
          <>
            Waiting for a delay{last ? ` at step ${stepName(run, last.stepKey)}` : ""}
            {run.nextAttemptAt ? (
              <>
                : the run goes on at <LocalTime value={run.nextAttemptAt} format="exact" />.
              </>
            ) : (
              "."
            )}
          </>
        ),
        body: "No worker is held while it waits.",
      };
    case "SUCCEEDED":
      return { heading: `${label}: the run finished without an error.` };
    case "FAILED":
      // A step's error is on its card; an error of the run itself (its version unreadable…) leads here.
      return failed
        ? { heading: `${label} at step ${stepName(run, failed.stepKey)}: its error is shown on the step below.` }
        : "error";
    case "FILTERED":
      return {
        heading: `Stopped by a filter${last ? ` at step ${stepName(run, last.stepKey)}` : ""}: not a failure`,
        body: run.stopReason?.replace(/^Stopped by filter: /, ""),
      };
    case "SKIPPED":
      return { heading: skippedHeading(run), body: skippedBody(run) };
    case "CANCELLED":
      return { heading: `${label}: the steps after where it stopped did not run.` };
    case "DUPLICATE":
      return {
        heading: `${label}: the sender delivered this event again, so this delivery ran nothing.`,
        body: run.duplicateOfId ? (
          <>
            Event id <span className="font-mono break-all">{run.eventId}</span>.{" "}
            <Link href={`/runs/${run.duplicateOfId}`} className="font-medium underline">
              Open the run of its first delivery
            </Link>
          </>
        ) : undefined,
      };
  }
}

function skippedHeading(run: RunDetail): string {
  const reason = readStepError(run.error)?.message;
  return reason && reason !== SWITCHED_OFF
    ? `Skipped: ${reason}`
    : "Skipped: the flow was off when this arrived, so nothing ran.";
}

function skippedBody(run: RunDetail): string {
  const live = run.flow.publishedVersion?.number;
  return live !== undefined
    ? `Re-run it to run it now with version ${live}.`
    : "The flow has never been switched on: switch it on, then re-run this run.";
}

/** The banner under the run's facts: one per status, in its badge's word and colour. */
export function RunStatusBanner({ run }: { run: RunDetail }) {
  const banner = bannerOf(run);
  if (banner === "error") {
    const error = readStepError(run.error);
    return (
      <StepErrorCallout
        error={error ?? { message: "No error was recorded.", validationErrors: [], fieldProblems: [] }}
        title="Failed"
      />
    );
  }
  return (
    <section
      aria-labelledby="run-status-heading"
      className={cn("rounded-lg border px-4 py-3 text-sm", toneClass[runStatusTone[run.status]])}
    >
      <h2 id="run-status-heading" className="font-semibold">
        {banner.heading}
      </h2>
      {banner.body ? <p className="mt-1 break-words">{banner.body}</p> : null}
    </section>
  );
}
