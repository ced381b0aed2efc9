"use client";

import { describeRepeatedTest, describeWrites, type FlowStep, stepWrites, testWouldRepeat } from "@ledgerflow/engine";
import { FlaskConicalIcon, RotateCcwIcon } from "lucide-react";
import { useId, useState, useTransition } from "react";
import { testStepAction } from "@/server/flows/test-step-action";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import type { CatalogEntry, ConnectionChoice, StepSampleView } from "./editor-types";
import { StepTestResult } from "./step-test-result";
import { stepOverride, testedWithOverride } from "./test-override";
import { useTestState } from "./test-state";

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
 * The step's Test button and its last result. A test writes for real, so the button itself says
 * what it writes and where, and a second test that creates another object asks first. Where the
 * action declares it, a test writes a draft whatever the step's status, unless the person opts out
 * for a later step that needs the real thing (a payment needs an approved invoice). A test that no
 * longer matches the step (its fields, connection or the data it maps changed) says what to test.
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
  const testState = useTestState();
  const stale = testState?.staleness.get(step.key);
  const optOutId = useId();
  const organisation = connections.find((connection) => connection.id === step.connectionId)?.name;
  // A GET through the HTTP step writes nothing: what the step as set up writes, not its action.
  const writes = stepWrites(action, step.input);
  const repeats = testWouldRepeat(writes, sample?.output);
  const override = writes ? stepOverride(action, step.input) : undefined;
  // By step: the panel stays mounted while another step is opened. Until the person chooses, as the
  // kept test did (it sent the step's own value: the next test does the same).
  const [optOuts, setOptOuts] = useState<Record<string, boolean>>({});
  const useStepValues =
    optOuts[step.key] ??
    (override !== undefined && sample !== undefined && sample.error === null && !testedWithOverride(override, sample));
  const setUseStepValues = (checked: boolean) => setOptOuts((current) => ({ ...current, [step.key]: checked }));
  const asDraft = override !== undefined && !useStepValues;
  const tested = writes && asDraft ? { ...writes, noun: `draft ${writes.noun}` } : writes;
  const buttonLabel = tested
    ? `Test ${describeWrites([{ writes: tested, organisation }], { real: true })}`
    : "Test step";
  const readers = testState?.readers.get(step.key) ?? [];

  const runTest = (confirmRepeat?: boolean) =>
    startTest(async () => {
      setTestError(null);
      if (!(await flush())) {
        setConfirming(false);
        setTestError("Save the flow first: fix the problem shown at the top.");
        return;
      }
      const result = await testStepAction({
        flowId,
        stepKey: step.key,
        confirmRepeat,
        ...(override && useStepValues ? { useStepValues: true } : {}),
      });
      if (!result.ok) return setTestError(result.error);
      setConfirming(false);
      testState?.setRecords(result.data.testRecords);
      onTested({
        stepKey: result.data.stepKey,
        input: result.data.input,
        output: result.data.output,
        error: result.data.error as StepSampleView["error"],
        connectionId: result.data.connectionId,
        testedAt: new Date(result.data.testedAt).toISOString(),
        ...(result.data.control ? { control: result.data.control } : {}),
      });
    });

  const onTest = () => {
    if (!repeats) return runTest();
    setTestError(null);
    setConfirming(true);
  };

  const resultNote =
    override && sample && sample.error === null && testedWithOverride(override, sample)
      ? `${override.override.label}; runs use ${override.stepLabel}.`
      : undefined;

  return (
    <section aria-label="Test this step" className="flex flex-col gap-3 border-t border-slate-200 pt-5">
      <div className="flex flex-col gap-3">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Test</h3>
          <p id={`test-${step.key}-writes`} className="text-xs text-slate-600">
            Runs this step now with the sample data.{" "}
            {writes
              ? asDraft
                ? `It makes a draft whatever the step's status (runs use ${override.stepLabel}); clean it up below the steps.`
                : "It writes for real; clean up what it creates below the steps."
              : action.needsConnection === false
                ? "It writes nothing anywhere."
                : "It only reads from Xero."}
          </p>
        </div>
        {override ? (
          <div className="flex flex-col gap-1 rounded-lg bg-slate-50 p-3 text-sm">
            <label htmlFor={optOutId} className="flex items-start gap-2 text-slate-800">
              <input
                id={optOutId}
                type="checkbox"
                className="mt-0.5 size-4 accent-brand-600"
                checked={useStepValues}
                disabled={readOnly || testing}
                onChange={(event) => setUseStepValues(event.target.checked)}
              />
              <span>
                {override.override.optOutLabel} ({override.stepLabel})
              </span>
            </label>
            <p className="text-xs text-slate-600">
              {readers.length > 0
                ? `${readers.map((title) => `“${title}”`).join(", ")} uses this ${writes?.noun}: if it needs the ${writes?.noun} as runs make it, test with the step's own status.`
                : `A later step that needs the ${writes?.noun} as runs make it (a payment) can be tested once this is.`}
            </p>
          </div>
        ) : null}
        <Button
          variant="secondary"
          className="h-auto min-h-9 self-start py-2 text-left whitespace-normal"
          onClick={onTest}
          disabled={readOnly || testing}
          aria-describedby={`test-${step.key}-writes`}
        >
          <FlaskConicalIcon />
          {testing ? "Testing…" : buttonLabel}
        </Button>
      </div>
      {testError && !confirming ? (
        <p role="alert" className="text-sm text-red-700">
          {testError}
        </p>
      ) : null}
      {stale ? (
        <p className="flex items-start gap-2 rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm text-amber-950">
          <RotateCcwIcon aria-hidden className="mt-0.5 size-4 shrink-0" />
          {stale.message}
        </p>
      ) : null}
      {sample ? <StepTestResult sample={sample} note={resultNote} fields={action.fields} /> : null}
      {repeats ? (
        <ConfirmDialog
          open={confirming}
          onOpenChange={setConfirming}
          title={`Create another ${writes.noun}?`}
          description={`${describeRepeatedTest(writes, sample?.output)}; testing it again ${describeWrites([
            { writes: tested ?? writes, organisation, again: true },
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
