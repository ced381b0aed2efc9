import {
  countRunsPerDay,
  inProgressRunStatuses,
  listRunFlowOptions,
  listRuns,
  type RunFlowOption,
} from "@ledgerflow/runtime";
import { ActivityIcon, FilterXIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/app-shell/page-header";
import { AutoRefresh } from "@/components/runs/auto-refresh";
import { RunFilters } from "@/components/runs/run-filters";
import { RunPagination } from "@/components/runs/run-pagination";
import { type RawSearchParams, readRunSearchParams, toListRunsInput } from "@/components/runs/run-search-params";
import { RunTable } from "@/components/runs/run-table";
import { RunsPerDayChart } from "@/components/runs/runs-per-day-chart";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireWorkspace } from "@/server/with-workspace";

export const metadata: Metadata = { title: "Runs" };

interface RunsPageProps {
  searchParams: Promise<RawSearchParams>;
}

export default async function RunsPage({ searchParams }: RunsPageProps) {
  const { workspace } = await requireWorkspace();
  const { filters, problems } = readRunSearchParams(await searchParams);
  const [page, days, flows] = await Promise.all([
    listRuns(toListRunsInput(workspace.id, filters)),
    countRunsPerDay({ workspaceId: workspace.id, flowId: filters.flow }),
    listRunFlowOptions({ workspaceId: workspace.id }),
  ]);
  const flow = filters.flow ? flows.find((option) => option.id === filters.flow) : undefined;
  const inProgress = page.runs.some((run) => (inProgressRunStatuses as readonly string[]).includes(run.status));
  const anyRunsRecently = days.some((day) => day.total > 0);
  const filtered = Boolean(filters.q || filters.flow || filters.status || filters.from || filters.to);

  return (
    <div className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-4 py-6 sm:px-6 lg:py-8">
      <RunsHeader flow={flow} />
      {anyRunsRecently ? (
        <Card>
          <CardContent>
            <RunsPerDayChart days={days} filters={filters} />
          </CardContent>
        </Card>
      ) : null}
      <section aria-labelledby="runs-table-heading" className="flex flex-col gap-4">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="runs-table-heading" className="sr-only">
            Runs
          </h2>
          <RunFilters filters={filters} flows={flows} />
          <AutoRefresh active={inProgress} />
        </div>
        {problems.length > 0 ? (
          <ul role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
        {page.runs.length > 0 ? (
          <>
            <RunTable runs={page.runs} />
            <RunPagination filters={filters} newerCursor={page.newerCursor} olderCursor={page.olderCursor} />
          </>
        ) : filtered || filters.cursor ? (
          <EmptyState
            icon={<FilterXIcon />}
            title="No runs match these filters"
            actions={
              <Button asChild variant="secondary">
                <Link href={flow ? `/runs?flow=${flow.id}` : "/runs"}>
                  {flow ? "Show all of its runs" : "Clear filters"}
                </Link>
              </Button>
            }
          >
            {filters.q
              ? `No run's id, title or data contains "${filters.q}". Try fewer words, or another status or dates.`
              : "Try another status or a wider date range."}
          </EmptyState>
        ) : (
          <EmptyState
            icon={<ActivityIcon />}
            title="No runs yet"
            actions={
              <Button asChild>
                <Link href="/">Go to your flows</Link>
              </Button>
            }
          >
            A run is recorded every time a flow&apos;s trigger fires: a webhook arrives, a schedule comes due, or
            someone presses &ldquo;Run now&rdquo;. Switch a flow on and its runs will appear here.
          </EmptyState>
        )}
      </section>
    </div>
  );
}

function RunsHeader({ flow }: { flow: RunFlowOption | undefined }) {
  return (
    <PageHeader
      title={flow ? `Runs of ${flow.name}` : "Run history"}
      description={
        flow ? (
          <>
            Every time this flow ran, newest first.{" "}
            <Link href={`/flows/${flow.id}`} className="font-medium text-brand-700 hover:underline">
              Open the flow
            </Link>
          </>
        ) : (
          "Every time one of your flows ran, newest first. Open a run to see what each step sent to Xero."
        )
      }
    />
  );
}
