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
import { RerunMenu } from "@/components/runs/rerun-menu";
import { RunStatusBanner } from "@/components/runs/run-status-banner";
import { RunSummary } from "@/components/runs/run-summary";
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
        description={
          <>
            {run.title ? <span className="block font-medium text-slate-900 break-words">{run.title}</span> : null}
            <span className="font-mono text-xs break-all">{run.id}</span>
          </>
        }
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

      <RunStatusBanner run={run} />

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
                  title={run.stepTitles[step.stepKey] ?? step.action}
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
