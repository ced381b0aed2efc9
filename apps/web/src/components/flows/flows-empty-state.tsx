import { CheckCircle2Icon, WorkflowIcon } from "lucide-react";
import Link from "next/link";
import { Button } from "../ui/button";
import { cn } from "../ui/class-names";
import { EmptyState } from "../ui/empty-state";
import { NewFlowButton } from "./new-flow-button";

/** No flows yet: the two things to do first, in order. */
export function FlowsEmptyState({ hasConnection, canEdit }: { hasConnection: boolean; canEdit: boolean }) {
  return (
    <EmptyState icon={<WorkflowIcon />} title="Build your first flow">
      <p>
        A flow listens for something — an order paid in your shop, a schedule — and does the bookkeeping in Xero for
        you: contacts, invoices, bills and payments.
      </p>
      <ol className="mt-5 flex flex-col gap-2 text-left">
        <Step done={hasConnection} number={1}>
          {hasConnection ? (
            "Xero is connected."
          ) : (
            <>
              <Link className="font-medium text-brand-700 underline-offset-4 hover:underline" href="/connections">
                Connect your Xero organisation
              </Link>{" "}
              so Ledgerflow can write to it.
            </>
          )}
        </Step>
        <Step done={false} number={2} next={hasConnection}>
          {hasConnection ? (
            <>
              <strong className="font-medium text-slate-900">Next:</strong> create your first flow, pick its trigger and
              add the Xero steps.
            </>
          ) : (
            "Create a flow, pick its trigger and add the Xero steps."
          )}
        </Step>
      </ol>
      {canEdit ? (
        <div className="mt-6 flex flex-wrap justify-center gap-2">
          {hasConnection ? null : (
            <Button asChild>
              <Link href="/connections">Connect Xero</Link>
            </Button>
          )}
          <NewFlowButton variant={hasConnection ? "primary" : "secondary"} />
        </div>
      ) : null}
    </EmptyState>
  );
}

interface StepProps {
  done: boolean;
  number: number;
  /** The step to take now: drawn in the brand colour. */
  next?: boolean;
  children: React.ReactNode;
}

function Step({ done, number, next = false, children }: StepProps) {
  return (
    <li
      className={cn(
        "flex items-start gap-3 rounded-lg border px-3 py-2.5",
        next ? "border-brand-500 bg-brand-50" : "border-slate-200 bg-slate-50",
      )}
    >
      <span
        className={cn(
          "flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
          done ? "bg-brand-600 text-white" : "bg-white text-slate-600 ring-1 ring-slate-300",
        )}
      >
        {done ? <CheckCircle2Icon className="size-4" aria-label="Done" /> : number}
      </span>
      <span className="pt-0.5 text-sm text-slate-700">{children}</span>
    </li>
  );
}
