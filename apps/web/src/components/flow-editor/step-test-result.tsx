import type { FieldSpec } from "@ledgerflow/engine";
import { AlertTriangleIcon, CheckCircle2Icon, CircleStopIcon, HourglassIcon } from "lucide-react";
import { LocalTime } from "../local-time";
import { problemLines } from "../runs/problem-lines";
import { ProblemList } from "../runs/problem-list";
import { readStepError } from "../runs/read-step-error";
import { JsonViewer } from "../ui/json-viewer";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "../ui/tabs";
import type { StepSampleView } from "./editor-types";

const TONES = {
  failed: "border-red-200 bg-red-50 text-red-900",
  stopped: "border-amber-200 bg-amber-50 text-amber-950",
  waits: "border-sky-200 bg-sky-50 text-sky-900",
  succeeded: "border-emerald-200 bg-emerald-50 text-emerald-900",
};

const ICONS = { failed: AlertTriangleIcon, stopped: CircleStopIcon, waits: HourglassIcon, succeeded: CheckCircle2Icon };

/**
 * The last test of a step: what was sent, and what Xero answered (or why it refused) — and, for a
 * step that would stop a run there (a Filter whose conditions do not hold) or make it wait, that too.
 * `note`: what the test sent differently from a run ("Tested as a draft; runs use Approved").
 */
export function StepTestResult({
  sample,
  note,
  fields,
}: {
  sample: StepSampleView;
  note?: string;
  fields?: FieldSpec[];
}) {
  const failed = sample.error !== null;
  // Each problem named by its field and line, as the fields above show it.
  const error = readStepError(sample.error);
  const lines = error ? problemLines(error, fields) : [];
  const { control } = sample;
  const tone = failed
    ? "failed"
    : control?.type === "stop"
      ? "stopped"
      : control?.type === "wait"
        ? "waits"
        : "succeeded";
  const Icon = ICONS[tone];
  return (
    <section aria-label="Test result" className="flex flex-col gap-3">
      <div className={`flex items-start gap-2 rounded-lg border p-3 text-sm ${TONES[tone]}`}>
        <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
        <div className="flex min-w-0 flex-col gap-0.5">
          <p className="font-medium">{failed ? "The test failed" : "The test succeeded"}</p>
          {failed && lines.length === 0 ? <p className="whitespace-pre-line">{sample.error?.message}</p> : null}
          {failed && lines.length > 0 ? <ProblemList lines={lines} className="flex flex-col gap-0.5" /> : null}
          {/* What the test sent differently from a run: "Tested as a draft; runs use Approved". */}
          {note ? <p>{note}</p> : null}
          {control?.type === "stop" ? <p className="break-words">A run would stop here: {control.reason}</p> : null}
          {control?.type === "wait" ? (
            <p>
              A run would wait here until <LocalTime value={control.until} format="exact" />, then go on.
            </p>
          ) : null}
          <p className="text-xs opacity-75">
            Tested <LocalTime value={sample.testedAt} />
          </p>
        </div>
      </div>
      {/* Keyed by the test: each new result opens on its own tab (output, or the input of a failure). */}
      <Tabs key={sample.testedAt} defaultValue={failed ? "input" : "output"}>
        <TabsList>
          <TabsTrigger value="output" disabled={failed}>
            Output
          </TabsTrigger>
          <TabsTrigger value="input">Input sent</TabsTrigger>
        </TabsList>
        <TabsContent value="output">
          <JsonViewer value={sample.output} className="max-h-96 overflow-y-auto" />
        </TabsContent>
        <TabsContent value="input">
          {sample.input === null || sample.input === undefined ? (
            <p className="text-sm text-slate-500">The input could not be prepared, so nothing was sent to Xero.</p>
          ) : (
            <JsonViewer value={sample.input} className="max-h-96 overflow-y-auto" />
          )}
        </TabsContent>
      </Tabs>
    </section>
  );
}
