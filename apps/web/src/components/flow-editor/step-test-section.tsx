"use client";

import { describeRepeatedTest, describeWrites, type FlowStep, stepWrites, testWouldRepeat } from "@ledgerflow/engine";
import { FlaskConicalIcon } from "lucide-react";
import { useState, useTransition } from "react";
import { testStepAction } from "@/server/flows/test-step-action";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import type { CatalogEntry, ConnectionChoice, StepSampleView } from "./editor-types";
import { StepTestResult } from "./step-test-result";

interface StepTestSectionProps {
  flowId: string;
  step: FlowStep;
  action: CatalogEntry;
  connections: ConnectionChoice[];
  sample: StepSampleView | undefined;
  readOnly: boolean;
  /** Saves the draft now (the test runs what is saved). */
  flush: () => Promise<boolean>;
  onTested: (sample: StepSampleView) => void;
}

/**
 * The step's Test button and its last result. A test writes for real, so the panel says what it
 * writes and where before the first click, and asks before a second test creates another object.
 */
export function StepTestSection({
  flowId,
  step,
  action,
  connections,
  sample,
  readOnly,
  flush,
  onTested,
}: StepTestSectionProps) {
  const [testing, startTest] = useTransition();
  const [testError, setTestError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const organisation = connections.find((connection) => connection.id === step.connectionId)?.name;
  // A GET through the HTTP step writes nothing: what the step as set up writes, not its action.
  const writes = stepWrites(action, step.input);
  const repeats = testWouldRepeat(writes, sample?.output);

  const runTest = (confirmRepeat?: boolean) =>
    startTest(async () => {
      setTestError(null);
      if (!(await flush())) {
        setConfirming(false);
        setTestError("Save the flow first: fix the problem shown at the top.");
        return;
      }
      const result = await testStepAction({ flowId, stepKey: step.key, confirmRepeat });
      if (!result.ok) return setTestError(result.error);
      setConfirming(false);
      onTested({
        stepKey: result.data.stepKey,
        input: result.data.input,
        output: result.data.output,
        error: result.data.error as StepSampleView["error"],
        testedAt: new Date(result.data.testedAt).toISOString(),
        ...(result.data.control ? { control: result.data.control } : {}),
      });
    });

  const onTest = () => {
    if (!repeats) return runTest();
    setTestError(null);
    setConfirming(true);
  };

  return (
    <section aria-label="Test this step" className="flex flex-col gap-3 border-t border-slate-200 pt-5">
      <div className="flex items-center justify-between gap-3">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Test</h3>
          <p id={`test-${step.key}-writes`} className="text-xs text-slate-500">
            Runs this step now with the sample data.{" "}
            {writes
              ? `Testing ${describeWrites([{ writes, organisation }], { real: true })}.`
              : action.needsConnection === false
                ? "It writes nothing anywhere."
                : "It only reads from Xero."}
          </p>
        </div>
        <Button
          variant="secondary"
          onClick={onTest}
          disabled={readOnly || testing}
          aria-describedby={`test-${step.key}-writes`}
        >
          <FlaskConicalIcon />
          {testing ? "Testing…" : "Test step"}
        </Button>
      </div>
      {testError && !confirming ? (
        <p role="alert" className="text-sm text-red-700">
          {testError}
        </p>
      ) : null}
      {sample ? <StepTestResult sample={sample} fields={action.fields} /> : null}
      {repeats ? (
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={`Create another ${writes.noun}?`}
          description={`${describeRepeatedTest(writes, sample?.output)}; testing it again ${describeWrites([
            { writes, organisation, again: true },
          ])}.`}
          confirmLabel="Test again"
          pendingLabel="Testing…"
          pending={testing}
          onConfirm={() => runTest(true)}
          error={testError}
        />
      ) : null}
    </section>
  );
}
