"use client";

import type { FlowStep, TestStepResult } from "@ledgerflow/engine";
import { useEffect, useRef, useState } from "react";
import { previewStepAction } from "@/server/flows/preview-step-action";

/** Long enough that a word being typed is not previewed letter by letter. */
const DEBOUNCE_MS = 350;
const MAX_SHOWN = 200;

type Preview = { state: "waiting" } | { state: "shown"; text: string } | { state: "problem"; text: string };

/** The part of an output a person checks: a Formatter's `value`, a Filter's `summary`, else the whole. */
function describeOutput(output: unknown): string {
  const record = typeof output === "object" && output !== null ? (output as Record<string, unknown>) : undefined;
  const shown = record && "summary" in record ? record.summary : record && "value" in record ? record.value : output;
  const text = typeof shown === "string" ? JSON.stringify(shown) : (JSON.stringify(shown) ?? "nothing");
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

function previewOf(result: TestStepResult): Preview {
  if ("error" in result) return { state: "problem", text: result.error.message };
  return { state: "shown", text: describeOutput(result.output) };
}

/**
 * A Formatter's or Filter's result on the sample, as the user types (issue #15): the step as it is
 * in the panel, run on the server exactly as Test runs it, nothing kept. Stale answers are dropped.
 */
export function StepPreview({ flowId, step }: { flowId: string; step: FlowStep }) {
  const [preview, setPreview] = useState<Preview>({ state: "waiting" });
  const latest = useRef(0);
  const typed = JSON.stringify(step);

  useEffect(() => {
    const asked = ++latest.current;
    const timer = setTimeout(async () => {
      const result = await previewStepAction({ flowId, step: JSON.parse(typed) });
      if (asked !== latest.current) return;
      setPreview(result.ok ? previewOf(result.data) : { state: "problem", text: result.error });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [flowId, typed]);

  return (
    <section aria-label="Preview" className="rounded-lg border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
      <h3 className="text-xs font-medium tracking-wide text-slate-500 uppercase">Preview on the sample</h3>
      <p role="status" className="mt-1 break-words">
        {preview.state === "waiting" ? (
          <span className="text-slate-500">Working it out…</span>
        ) : preview.state === "shown" ? (
          <span className="font-mono text-slate-900">{preview.text}</span>
        ) : (
          <span className="text-amber-800">{preview.text}</span>
        )}
      </p>
    </section>
  );
}
