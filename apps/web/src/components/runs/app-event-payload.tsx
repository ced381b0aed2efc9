import { JsonViewer } from "../ui/json-viewer";

interface AppEventPayloadProps {
  /** The run's trigger as stored: `{type: "event", trigger, event, record, previous, receivedAt}`. */
  trigger: unknown;
}

const part = (trigger: unknown, name: string): unknown =>
  typeof trigger === "object" && trigger !== null ? (trigger as Record<string, unknown>)[name] : undefined;

/** A connector trigger's run: the record first (what steps mapped from), then the provider's event. */
export function AppEventPayload({ trigger }: AppEventPayloadProps) {
  const record = part(trigger, "record");
  const previous = part(trigger, "previous");
  return (
    <div className="flex flex-col gap-5">
      <section aria-labelledby="run-record" className="flex flex-col gap-2">
        <h3 id="run-record" className="text-sm font-semibold text-slate-900">
          Record
        </h3>
        {record ? (
          <JsonViewer value={record} className="max-h-[32rem]" />
        ) : (
          <p className="text-sm text-slate-600">The record could not be loaded when the event arrived.</p>
        )}
      </section>
      <section aria-labelledby="run-event" className="flex flex-col gap-2">
        <h3 id="run-event" className="text-sm font-semibold text-slate-900">
          Event
        </h3>
        <JsonViewer value={part(trigger, "event") ?? null} />
        <p className="text-xs text-slate-500">
          {previous
            ? "Before this event the record was remembered as:"
            : "The record had not been seen before this event."}
        </p>
        {previous ? <JsonViewer value={previous} /> : null}
      </section>
    </div>
  );
}
