"use client";

import {
  describeWrites,
  type FlowDefinition,
  listActionSteps,
  type PlannedWrite,
  stepWrites,
} from "@ledgerflow/engine";
import { ArrowRightIcon, PlayIcon } from "lucide-react";
import Link from "next/link";
import { useId, useState, useTransition } from "react";
import { runFlowNowAction } from "@/server/flows/run-flow-now-action";
import { Button } from "../ui/button";
import { Dialog, DialogClose, DialogContent } from "../ui/dialog";
import { Label } from "../ui/label";
import { Textarea } from "../ui/textarea";
import type { CatalogEntry, ConnectionChoice } from "./editor-types";

interface RunNowDialogProps {
  flowId: string;
  /** The trigger's sample body, offered as the starting point (what `{{trigger.body.…}}` reads). */
  sampleBody: unknown;
  /** The version a run uses, whose steps say what it writes to Xero. */
  published: FlowDefinition | null;
  catalog: CatalogEntry[];
  connections: ConnectionChoice[];
}

/** What one run of `definition` writes, each step to its organisation. */
function plannedWrites(
  definition: FlowDefinition | null,
  catalog: CatalogEntry[],
  connections: ConnectionChoice[],
): PlannedWrite[] {
  return (definition ? listActionSteps(definition) : []).flatMap((step) => {
    const writes = stepWrites(
      catalog.find((entry) => entry.key === step.action),
      step.input,
    );
    const organisation = connections.find((connection) => connection.id === step.connectionId)?.name;
    return writes ? [{ writes, organisation }] : [];
  });
}

const format = (value: unknown) => JSON.stringify(value ?? {}, null, 2);

/**
 * "Run now": starts a MANUAL run of the published version with a body the user can edit (the
 * sample by default), then links to the new run. The dialog stays on the editor so the user can
 * start another run with different data.
 */
export function RunNowDialog({ flowId, sampleBody, published, catalog, connections }: RunNowDialogProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const writes = plannedWrites(published, catalog, connections);
  // Told before the first click, and again before "Run again": each run writes anew.
  const writesSentence = writes.length > 0 ? `Running ${describeWrites(writes)}.` : "Its steps only read from Xero.";
  const againSentence =
    writes.length > 0 ? ` Running again ${describeWrites(writes.map((write) => ({ ...write, again: true })))}.` : "";

  const openWithSample = (next: boolean) => {
    // Each opening starts from the current sample, not from what was typed last time.
    if (next) {
      setText(format(sampleBody));
      setError(null);
      setRunId(null);
    }
    setOpen(next);
  };

  const run = () => {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (problem) {
      setError(`The body is not valid JSON: ${(problem as Error).message}`);
      return;
    }
    startTransition(async () => {
      setError(null);
      const result = await runFlowNowAction({ flowId, body });
      if (!result.ok) {
        setError(result.fieldErrors.body?.[0] ? `Body ${result.fieldErrors.body[0]}` : result.error);
        return;
      }
      setRunId(result.data.runId);
    });
  };

  return (
    <Dialog open={open} onOpenChange={openWithSample}>
      <Button variant="secondary" size="sm" onClick={() => openWithSample(true)}>
        <PlayIcon />
        Run now
      </Button>
      <DialogContent
        title="Run now"
        description={`Runs the switched-on version of this flow once, with this request body. ${writesSentence}`}
        className="max-w-xl"
      >
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={id}>Request body (JSON)</Label>
          <Textarea
            id={id}
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              setRunId(null);
            }}
            spellCheck={false}
            rows={12}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-help`}
            className="font-mono text-xs"
          />
          {error ? (
            <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
              {error}
            </p>
          ) : (
            <p id={`${id}-help`} className="text-xs text-slate-500">
              Steps read it as <code className="font-mono">{"{{trigger.body.…}}"}</code>. It starts as the trigger's
              sample.
            </p>
          )}
        </div>
        {runId ? (
          <p role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900">
            The run has started.{againSentence}{" "}
            <Link href={`/runs/${runId}`} className="inline-flex items-center gap-1 font-medium underline">
              Open the run
              <ArrowRightIcon aria-hidden className="size-3.5" />
            </Link>
          </p>
        ) : null}
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">{runId ? "Close" : "Cancel"}</Button>
          </DialogClose>
          <Button onClick={run} disabled={pending}>
            <PlayIcon />
            {pending ? "Starting…" : runId ? "Run again" : "Start run"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
