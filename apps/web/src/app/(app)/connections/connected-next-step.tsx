import { ArrowRightIcon, WorkflowIcon } from "lucide-react";
import Link from "next/link";
import { NewFlowButton } from "@/components/flows/new-flow-button";
import { Button } from "@/components/ui/button";

/**
 * Right after a Xero consent: what to do with the connection. A workspace without flows is offered
 * its first one; one with flows is pointed back to them (a flow picks the new organisation per step).
 */
export function ConnectedNextStep({ hasFlows }: { hasFlows: boolean }) {
  return (
    <section
      aria-labelledby="connected-next-step"
      className="flex flex-col gap-3 rounded-xl border border-brand-500 bg-brand-50 px-5 py-4 sm:flex-row sm:items-center sm:justify-between"
    >
      <div className="flex items-start gap-3">
        <WorkflowIcon aria-hidden className="mt-0.5 size-5 shrink-0 text-brand-700" />
        <div className="flex flex-col gap-0.5">
          <h2 id="connected-next-step" className="text-sm font-semibold text-slate-900">
            Next: {hasFlows ? "use it in a flow" : "create your first flow"}
          </h2>
          <p className="text-sm text-slate-700">
            A flow listens for something — an order, a schedule — and does the bookkeeping in this organisation.
          </p>
        </div>
      </div>
      {hasFlows ? (
        <Button asChild variant="secondary">
          <Link href="/">
            Go to your flows
            <ArrowRightIcon aria-hidden />
          </Link>
        </Button>
      ) : (
        <NewFlowButton label="Create your first flow" />
      )}
    </section>
  );
}
