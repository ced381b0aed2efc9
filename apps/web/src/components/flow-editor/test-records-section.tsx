"use client";

import { Trash2Icon } from "lucide-react";
import { useState, useTransition } from "react";
import { cleanUpTestRecordsAction } from "@/server/flows/clean-up-test-records-action";
import { LocalTime } from "../local-time";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import type { TestRecordItem } from "./test-record-item";

interface TestRecordsSectionProps {
  flowId: string;
  records: TestRecordItem[];
  readOnly: boolean;
  onChange: (records: TestRecordItem[]) => void;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "Ledgerflow cleans up these 2 records in Demo Company (NZ): …. A draft invoice is deleted; …." */
function describeCleanUp(pending: TestRecordItem[]): string {
  const places = [...new Set(pending.map((record) => record.connectionName).filter(Boolean))];
  const where = places.length > 0 ? ` in ${places.join(" and ")}` : "";
  const count = pending.length === 1 ? "this record" : `these ${pending.length} records`;
  const how = [...new Set(pending.map((record) => record.cleanUp).filter((text): text is string => Boolean(text)))];
  const labels = pending.map((record) => record.label).join("; ");
  return `Ledgerflow cleans up ${count}${where}: ${labels}. ${how.map(capitalised).join(". ")}.`;
}

/**
 * "Records your tests created": every record a step's Test wrote for real (a draft invoice, a
 * payment), and one button that cleans up those not cleaned yet — after a confirmation naming
 * each one and what happens to it — with each outcome (done, or why not) on its line.
 */
export function TestRecordsSection({ flowId, records, readOnly, onChange }: TestRecordsSectionProps) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [cleaning, startCleaning] = useTransition();
  if (records.length === 0) return null;
  const pending = records.filter((record) => record.cleanedAt === null);

  const cleanUp = () =>
    startCleaning(async () => {
      setError(null);
      const result = await cleanUpTestRecordsAction({ flowId });
      if (!result.ok) return setError(result.error);
      onChange(result.data);
      setConfirming(false);
    });

  return (
    <section
      aria-labelledby="test-records-heading"
      className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id="test-records-heading" className="text-sm font-semibold text-slate-900">
            Records your tests created
          </h2>
          <p className="text-xs text-slate-600">Tests write for real. Clean up removes what they left behind.</p>
        </div>
        <Button
          variant="secondary"
          size="sm"
          disabled={readOnly || cleaning || pending.length === 0}
          onClick={() => {
            setError(null);
            setConfirming(true);
          }}
        >
          <Trash2Icon />
          Clean up
        </Button>
      </div>
      <ul aria-label="Records your tests created" className="flex flex-col divide-y divide-slate-100">
        {records.map((record) => (
          <li
            key={record.id}
            className="flex flex-col gap-1 py-2 text-sm sm:flex-row sm:items-start sm:justify-between"
          >
            <span className="flex min-w-0 flex-col">
              <span className="break-words text-slate-900">{record.label}</span>
              <span className="text-xs text-slate-600">
                {record.connectionName ? `${record.connectionName} · ` : ""}
                <span className="font-mono">steps.{record.stepKey}</span> · tested{" "}
                <LocalTime value={record.createdAt} />
              </span>
            </span>
            <RecordOutcome record={record} />
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={pending.length === 1 ? "Clean up 1 test record?" : `Clean up ${pending.length} test records?`}
        description={describeCleanUp(pending)}
        confirmLabel="Clean up"
        pendingLabel="Cleaning up…"
        pending={cleaning}
        onConfirm={cleanUp}
        error={error}
      />
    </section>
  );
}

function RecordOutcome({ record }: { record: TestRecordItem }) {
  if (record.cleanedAt) {
    return (
      <Badge tone="success" className="self-start">
        {record.cleanupResult ?? "Cleaned up"}
      </Badge>
    );
  }
  if (record.cleanupError) {
    return <span className="max-w-xs text-xs break-words text-red-700 sm:text-right">{record.cleanupResult}</span>;
  }
  return (
    <Badge tone="warning" className="self-start">
      Not cleaned up
    </Badge>
  );
}
