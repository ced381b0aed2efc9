import type { PublishProblem } from "@ledgerflow/engine";
import { AlertCircleIcon } from "lucide-react";
import { Button } from "../ui/button";

interface PublishProblemsProps {
  problems: PublishProblem[];
  /** Step titles by key, to say where each problem is. */
  stepTitles: Map<string, string>;
  /** Opens the step a problem is about; a Paths step's `field` says which of its paths. */
  onOpenStep: (stepKey: string, field: string | undefined) => void;
  /** Problems with the trigger (fields `trigger.…`, no step) link to the trigger's panel. */
  onOpenTrigger: () => void;
  /**
   * Set after a refusal: "switch-on" means the flow stayed off; "publish" means the changes
   * were not published and runs keep using the published version.
   */
  refused: "switch-on" | "publish" | null;
  /** Offered when every problem is a warning: switch on (or publish) accepting them. */
  onAcceptAnyway?: () => void;
}

/** Whether a switch-on problem is about the trigger (`trigger.connectionId`) rather than a step. */
export const isTriggerProblem = (problem: PublishProblem) => !problem.stepKey && problem.field?.startsWith("trigger.");

/** What keeps the flow from being switched on, each linked to the step (or the trigger) to fix. */
export function PublishProblems(props: PublishProblemsProps) {
  const { problems, stepTitles, onOpenStep, onOpenTrigger, refused, onAcceptAnyway } = props;
  if (problems.length === 0) return null;
  // Only warnings (mappings the samples lack): they may be right, so the person decides.
  const onlyWarnings = problems.every((problem) => problem.severity === "warning");
  const blocked = refused !== null && !onlyWarnings;
  return (
    <section
      aria-label="Before switching on"
      role={refused ? "alert" : undefined}
      className={
        blocked
          ? "rounded-xl border border-red-200 bg-red-50 p-4"
          : "rounded-xl border border-amber-200 bg-amber-50/70 p-4"
      }
    >
      <h2
        className={
          blocked
            ? "flex items-center gap-2 text-sm font-semibold text-red-900"
            : "flex items-center gap-2 text-sm font-semibold text-amber-900"
        }
      >
        <AlertCircleIcon aria-hidden className="size-4" />
        {refused && onlyWarnings
          ? `Check ${problems.length === 1 ? "this mapping" : "these mappings"} before ${refused === "switch-on" ? "switching on" : "publishing"}`
          : refused === "switch-on"
            ? "The flow stays off until these are fixed"
            : refused === "publish"
              ? "Your changes are not published until these are fixed"
              : `${problems.length} thing${problems.length === 1 ? "" : "s"} to finish before switching on`}
      </h2>
      <ul className="mt-2 flex flex-col gap-1 pl-6 text-sm">
        {problems.map((problem) => (
          <li
            key={`${problem.stepKey ?? ""}:${problem.field ?? ""}:${problem.message}`}
            className="list-disc text-slate-700"
          >
            {problem.stepKey ? (
              <button
                type="button"
                className="font-medium text-slate-900 underline-offset-2 hover:underline"
                onClick={() => onOpenStep(problem.stepKey!, problem.field)}
              >
                {stepTitles.get(problem.stepKey) ?? problem.stepKey}
              </button>
            ) : isTriggerProblem(problem) ? (
              <button
                type="button"
                className="font-medium text-slate-900 underline-offset-2 hover:underline"
                onClick={onOpenTrigger}
              >
                Trigger
              </button>
            ) : null}
            {problem.stepKey || isTriggerProblem(problem) ? ": " : null}
            {problem.severity === "warning" && !onlyWarnings ? "Check: " : null}
            {problem.message}
          </li>
        ))}
      </ul>
      {refused && onlyWarnings && onAcceptAnyway ? (
        <div className="mt-3 flex flex-wrap items-center gap-3 pl-6">
          <Button size="sm" variant="secondary" onClick={onAcceptAnyway}>
            {refused === "switch-on" ? "Switch on anyway" : "Publish anyway"}
          </Button>
          <p className="text-xs text-slate-600">
            The sample may simply lack these values; a run whose data lacks them too leaves those fields empty.
          </p>
        </div>
      ) : null}
    </section>
  );
}
