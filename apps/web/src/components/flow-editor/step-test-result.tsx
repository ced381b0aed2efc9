import { AlertTriangleIcon, CheckCircle2Icon } from "lucide-react";
import { LocalTime } from "../local-time";
import { JsonViewer } from "../ui/json-viewer";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "../ui/tabs";
import type { StepSampleView } from "./editor-types";

/** The last test of a step: what was sent, and what Xero answered (or why it refused). */
export function StepTestResult({ sample }: { sample: StepSampleView }) {
  const failed = sample.error !== null;
  return (
    <section aria-label="Test result" className="flex flex-col gap-3">
      <div
        className={
          failed
            ? "flex items-start gap-2 rounded-lg border border-red-200 bg-red-50 p-3 text-sm text-red-900"
            : "flex items-start gap-2 rounded-lg border border-emerald-200 bg-emerald-50 p-3 text-sm text-emerald-900"
        }
      >
        {failed ? (
          <AlertTriangleIcon aria-hidden className="mt-0.5 size-4 shrink-0" />
        ) : (
          <CheckCircle2Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
        )}
        <div className="flex flex-col gap-0.5">
          <p className="font-medium">{failed ? "The test failed" : "The test succeeded"}</p>
          {failed ? <p>{sample.error?.message}</p> : null}
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
