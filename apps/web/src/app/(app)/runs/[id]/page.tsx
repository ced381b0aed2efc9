import { appConnectors, getReplayPlan, getRunDetail, inProgressRunStatuses, roleAllows } from "@ledgerflow/runtime";
import { ArrowLeftIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/app-shell/page-header";
import { LocalTime } from "@/components/local-time";
import { RunStatusBadge } from "@/components/run-status-badge";
import { AppEventPayload } from "@/components/runs/app-event-payload";
import { AutoRefresh } from "@/components/runs/auto-refresh";
import { CancelRunButton } from "@/components/runs/cancel-run-button";
import { readStepError } from "@/components/runs/read-step-error";
import { RerunMenu } from "@/components/runs/rerun-menu";
import { RunSummary } from "@/components/runs/run-summary";
import { StepErrorCallout } from "@/components/runs/step-error-callout";
import { StepRunCard } from "@/components/runs/step-run-card";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { JsonViewer } from "@/components/ui/json-viewer";
import { requireWorkspace } from "@/server/with-workspace";

export const metadata: Metadata = { title: "Run" };

const indentClass = ["", "ml-3 sm:ml-8", "ml-6 sm:ml-16", "ml-9 sm:ml-24"];

interface RunPageProps {
  params: Promise<{ id: string }>;
}

export default async function RunPage({ params }: RunPageProps) {
  const { workspace, role } = await requireWorkspace();
  const { id } = await params;
  // Another workspace's run, or no such run: the same 404.
  const run = await getRunDetail({ workspaceId: workspace.id, runId: id });
  if (!run) notFound();
  // What each way of re-running would write to Xero; only editors see the Re-run menu.
  const canReplay = roleAllows(role, "EDITOR") && !run.payloadPrunedAt && run.status !== "DUPLICATE";
  const replayPlan = canReplay ? await getReplayPlan({ workspaceId: workspace.id, runId: run.id }) : null;

  const inProgress = (inProgressRunStatuses as readonly string[]).includes(run.status);
  const runError = readStepError(run.error);
  const failedStep = run.steps.find((step) => step.status === "FAILED");
  // The step that stopped a FILTERED run is the last one that ran.
  const stoppedAt = run.status === "FILTERED" ? run.steps.at(-1) : undefined;
  const waitingAt = run.status === "WAITING" ? run.steps.at(-1) : undefined;
  const { catalog } = appConnectors();

  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-4 py-6 sm:px-6 lg:py-8">
      <Link
        href={`/runs?flow=${run.flow.id}`}
        className="inline-flex items-center gap-1.5 self-start text-sm text-slate-600 hover:text-slate-900"
      >
        <ArrowLeftIcon aria-hidden className="size-4" />
        Runs of {run.flow.name}
      </Link>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            Run
            <RunStatusBadge status={run.status} />
          </span>
        }
        description={<span className="font-mono text-xs break-all">{run.id}</span>}
        actions={
          // A pruned run has no event left to run on, so it offers no Re-run (the domain refuses it too);
          // a duplicate's event is its first run's, which is where to re-run it.
          run.status === "WAITING" && roleAllows(role, "EDITOR") ? (
            <CancelRunButton runId={run.id} />
          ) : replayPlan ? (
            <RerunMenu runId={run.id} plan={replayPlan} finished={!inProgress} />
          ) : null
        }
      />
      <AutoRefresh active={inProgress} />
      <Card>
        <CardContent>
          <RunSummary run={run} />
        </CardContent>
      </Card>

      {run.duplicateOfId ? (
        <p role="note" className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700">
          The sender delivered this event again (event id <span className="font-mono break-all">{run.eventId}</span>
          ), so this delivery ran nothing.{" "}
          <Link href={`/runs/${run.duplicateOfId}`} className="font-medium text-brand-700 hover:underline">
            Open the run of its first delivery
          </Link>
        </p>
      ) : null}

      {run.status === "WAITING" && run.nextAttemptAt ? (
        <p role="note" className="rounded-lg border border-sky-200 bg-sky-50 px-4 py-3 text-sm text-sky-900">
          Waiting for a delay{waitingAt ? ` at step ${waitingAt.stepKey}` : ""}: the run goes on at{" "}
          <LocalTime value={run.nextAttemptAt} format="exact" />. No worker is held while it waits.
        </p>
      ) : null}

      {run.status === "FILTERED" && run.stopReason ? (
        <section
          aria-labelledby="stopped-heading"
          className="rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm text-slate-700"
        >
          <h2 id="stopped-heading" className="font-semibold text-slate-900">
            Stopped by a filter{stoppedAt ? ` at step ${stoppedAt.stepKey}` : ""}: not a failure
          </h2>
          <p className="mt-1 break-words">{run.stopReason.replace(/^Stopped by filter: /, "")}</p>
        </section>
      ) : null}

      {/* A run-level error that is not one step's (e.g. the version could not be loaded) leads the page. */}
      {runError && !failedStep ? <StepErrorCallout error={runError} title="This run failed" /> : null}

      <Card>
        <CardHeader>
          <CardTitle>Trigger</CardTitle>
          <CardDescription>
            {run.appEvent
              ? `${run.appEvent.title}: the record as loaded when the event arrived, and the event itself.`
              : "The event that started this run, as received."}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {run.payloadPrunedAt ? (
            <p className="text-sm text-slate-600">
              The payload was removed after the retention period, on{" "}
              <LocalTime value={run.payloadPrunedAt} format="date" />.
            </p>
          ) : run.trigger === null ? (
            <p className="text-sm text-slate-600">No payload was recorded.</p>
          ) : run.appEvent ? (
            <AppEventPayload trigger={run.trigger} />
          ) : (
            <JsonViewer value={run.trigger} className="max-h-[32rem]" />
          )}
        </CardContent>
      </Card>

      <section aria-labelledby="steps-heading" className="flex flex-col gap-4">
        <h2 id="steps-heading" className="text-lg font-semibold text-slate-900">
          Steps
        </h2>
        {run.steps.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 bg-white px-5 py-8 text-center text-sm text-slate-600">
            {inProgress ? "No step has started yet." : "No step ran."}
          </p>
        ) : (
          <ol className="flex flex-col gap-4">
            {run.steps.map((step) => (
              <li
                key={step.id}
                // Steps inside a path sit under it, one step of indent per level (less on a phone).
                className={indentClass[Math.min(run.stepPlaces[step.stepKey]?.depth ?? 0, 3)]}
              >
                <StepRunCard
                  step={step}
                  place={run.stepPlaces[step.stepKey]}
                  // A resumed replay copies the steps that had succeeded, with their original times.
                  carriedOver={run.replayOfId !== null && step.startedAt < run.createdAt}
                  fields={catalog.get(step.action)?.fields}
                  editorHref={`/flows/${run.flow.id}?step=${encodeURIComponent(step.stepKey)}`}
                />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
