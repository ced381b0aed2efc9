"use client";

import { DownloadIcon } from "lucide-react";
import { useState, useTransition } from "react";
import { loadTriggerSampleAction } from "@/server/flows/load-trigger-sample-action";
import { Button } from "../ui/button";
import { JsonViewer } from "../ui/json-viewer";
import type { EventTrigger } from "./app-event-trigger-settings";
import type { TriggerChoice } from "./editor-types";

interface TriggerSampleSectionProps {
  trigger: EventTrigger;
  choice: TriggerChoice;
  /** The chosen connection's organisation, by name. */
  organisation: string | undefined;
  readOnly: boolean;
  onLoaded: (sample: Record<string, unknown>) => void;
}

/**
 * The record steps are mapped from: the trigger's example until "Load a recent record" brings a
 * real one from the chosen organisation (kept as the trigger's sample, so the data picker offers
 * its fields). Nothing found and the provider's refusals are said in words, with what to do next.
 */
export function TriggerSampleSection({ trigger, choice, organisation, readOnly, onLoaded }: TriggerSampleSectionProps) {
  const [loading, startLoad] = useTransition();
  const [notice, setNotice] = useState<{ problem: boolean; text: string } | null>(null);
  const { config } = trigger;
  const isExample = JSON.stringify(trigger.sample ?? null) === JSON.stringify(choice.sample);
  const record = trigger.sample?.record;

  const load = () =>
    startLoad(async () => {
      setNotice(null);
      const result = await loadTriggerSampleAction({
        event: config.event,
        connectionId: config.connectionId ?? "",
        input: config.input,
      });
      if (!result.ok) return setNotice({ problem: true, text: result.error });
      if (!result.data.found) return setNotice({ problem: false, text: result.data.message });
      onLoaded(result.data.sample);
    });

  return (
    <section aria-label="Sample record" className="flex flex-col gap-3 border-t border-slate-200 pt-5">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Sample record</h3>
          <p id="trigger-sample-help" className="text-xs text-slate-500">
            {isExample
              ? `Example data until you load a recent record from ${organisation ?? `your ${choice.connector.title} ${choice.connector.accountNoun}`}.`
              : `A real record from ${organisation ?? choice.connector.title}.`}{" "}
            Steps map its fields as <code className="font-mono">{"{{trigger.record.…}}"}</code>.
          </p>
        </div>
        {readOnly || !choice.loadsSample ? null : (
          <Button
            variant="secondary"
            onClick={load}
            disabled={loading || !config.connectionId}
            aria-describedby="trigger-sample-help"
            className="shrink-0"
          >
            <DownloadIcon />
            {loading ? "Loading…" : "Load a recent record"}
          </Button>
        )}
      </div>
      {!readOnly && choice.loadsSample && !config.connectionId ? (
        <p className="text-xs text-slate-500">Choose the {choice.connector.accountNoun} first.</p>
      ) : null}
      {notice ? (
        <p
          role={notice.problem ? "alert" : "status"}
          className={
            notice.problem ? "text-sm text-red-700" : "rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700"
          }
        >
          {notice.text}
        </p>
      ) : null}
      {record !== undefined ? <JsonViewer value={record} expandDepth={1} className="max-h-80" /> : null}
    </section>
  );
}
