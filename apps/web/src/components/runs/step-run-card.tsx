import type { StepStatus } from "@ledgerflow/db";
import { type FieldSpec, OTHERWISE_PATH, PATHS_ACTION, type PathsDecision } from "@ledgerflow/engine";
import type { StepRunDetail, StepRunPlace } from "@ledgerflow/runtime";
import { LocalTime } from "../local-time";
import { Badge, type BadgeProps } from "../ui/badge";
import { Card } from "../ui/card";
import { JsonViewer } from "../ui/json-viewer";
import { formatDuration } from "./format-duration";
import { type AttemptErrorView, readEarlierAttemptErrors } from "./read-attempt-errors";
import { readStepError } from "./read-step-error";
import { StepErrorCallout } from "./step-error-callout";

const stepStatus: Record<StepStatus, { label: string; tone: BadgeProps["tone"] }> = {
  RUNNING: { label: "Running", tone: "info" },
  SUCCEEDED: { label: "Succeeded", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
  SKIPPED: { label: "Skipped", tone: "warning" },
};

interface StepRunCardProps {
  step: StepRunDetail;
  /** The step's action in words ("Find or create contact"). */
  title: string;
  /** Where the step sits in the flow: steps inside a path are indented and name their path. */
  place?: StepRunPlace;
  /** True when a resumed replay carried this step's result over instead of running it again. */
  carriedOver: boolean;
  /** The step's action's fields, to name a failed field by its label. */
  fields?: readonly FieldSpec[];
  /** The flow editor with this step open, for "Fix it in the editor". */
  editorHref?: string;
}

/** One executed step: status, attempts and timing, the error if any, its resolved input and output. */
export function StepRunCard({ step, title, place, carriedOver, fields, editorHref }: StepRunCardProps) {
  const error = readStepError(step.error);
  const earlierFailures = readEarlierAttemptErrors(step.attemptErrors, step.status);
  const { label, tone } = stepStatus[step.status];
  const headingId = `step-${step.stepKey}`;
  return (
    <Card className="overflow-hidden">
      <section aria-labelledby={headingId}>
        <header className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2 border-b border-slate-100 px-5 py-4">
          <div className="flex min-w-0 items-start gap-3">
            <span
              aria-hidden
              className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-xs font-semibold text-slate-600"
            >
              {step.index + 1}
            </span>
            <div className="min-w-0">
              {/* Named by what it does, with its key (what `{{steps.…}}` and help texts say) under it. */}
              <h3 id={headingId} className="truncate font-semibold text-slate-900">
                <span className="sr-only">
                  Step {step.index + 1}: {step.stepKey},{" "}
                </span>
                {title}
              </h3>
              <p aria-hidden className="truncate font-mono text-xs text-slate-500">
                {step.stepKey}
              </p>
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-600">
            <Badge tone={tone}>{label}</Badge>
            {place?.pathName ? <Badge tone="neutral">Path: {place.pathName}</Badge> : null}
            {carriedOver ? <Badge tone="brand">Reused from the original run</Badge> : null}
            <span>
              {step.attempts} attempt{step.attempts === 1 ? "" : "s"}
            </span>
            <span>
              Started <LocalTime value={step.startedAt} format="exact" />
            </span>
            <span>Took {formatDuration(step.durationMs)}</span>
          </div>
        </header>
        <div className="flex flex-col gap-4 px-5 py-4">
          {error ? <StepErrorCallout error={error} fields={fields} editorHref={editorHref} /> : null}
          {earlierFailures.length > 0 ? <EarlierAttempts failures={earlierFailures} /> : null}
          {step.action === PATHS_ACTION && isPathsDecision(step.output) ? <PathsTaken decision={step.output} /> : null}
          <div className="grid gap-4 lg:grid-cols-2">
            <JsonSection title="Input sent" value={step.input} empty="No input was recorded." />
            {error ? (
              <JsonSection title="Error as stored" value={step.error} empty="" />
            ) : (
              <JsonSection title="Output" value={step.output} empty="No output yet." />
            )}
          </div>
        </div>
      </section>
    </Card>
  );
}

/** Attempts that failed before this one, retried automatically: collapsed, since they no longer describe the step. */
function EarlierAttempts({ failures }: { failures: AttemptErrorView[] }) {
  return (
    <details className="rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm text-slate-700">
      <summary className="cursor-pointer font-medium text-slate-800">
        {failures.length} earlier attempt{failures.length === 1 ? "" : "s"} failed and{" "}
        {failures.length === 1 ? "was" : "were"} retried
      </summary>
      <ol className="mt-2 flex list-decimal flex-col gap-1 pl-5">
        {failures.map((failure, index) => (
          <li key={`${failure.at ?? index}`} className="break-words">
            {failure.at ? (
              <span className="text-slate-500">
                <LocalTime value={failure.at} format="exact" />:{" "}
              </span>
            ) : null}
            {failure.message}
            {failure.code ? <span className="text-xs text-slate-500"> ({failure.code})</span> : null}
          </li>
        ))}
      </ol>
    </details>
  );
}

function isPathsDecision(value: unknown): value is PathsDecision {
  return typeof value === "object" && value !== null && Array.isArray((value as PathsDecision).paths);
}

/** Which paths the run took, and each path's conditions as they were decided. */
function PathsTaken({ decision }: { decision: PathsDecision }) {
  const taken = new Set(decision.taken);
  return (
    <div className="flex flex-col gap-1.5">
      <h4 className="text-xs font-medium tracking-wide text-slate-500 uppercase">Paths</h4>
      <ul className="flex flex-col gap-1 text-sm">
        {decision.paths.map((path) => (
          <li key={path.key} className="break-words text-slate-700">
            <span className={taken.has(path.key) ? "font-semibold text-emerald-700" : "font-medium text-slate-500"}>
              {taken.has(path.key) ? "Took" : "Not taken"}: {path.name}
            </span>
            {path.explanation ? <span className="text-slate-600"> — {path.explanation}</span> : null}
          </li>
        ))}
        {taken.has(OTHERWISE_PATH) ? (
          <li className="font-semibold text-emerald-700">Took: When no other path matches</li>
        ) : null}
      </ul>
    </div>
  );
}

function JsonSection({ title, value, empty }: { title: string; value: unknown; empty: string }) {
  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <h4 className="text-xs font-medium tracking-wide text-slate-500 uppercase">{title}</h4>
      {value === null || value === undefined ? (
        <p className="text-sm text-slate-500">{empty}</p>
      ) : (
        <JsonViewer value={value} className="max-h-96" />
      )}
    </div>
  );
}
