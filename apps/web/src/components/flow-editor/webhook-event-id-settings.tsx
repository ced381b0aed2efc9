"use client";

import type { EventIdSource, WebhookSettings } from "@ledgerflow/engine";
import { type FormEvent, useId, useState, useTransition } from "react";
import { updateWebhookSettingsAction } from "@/server/flows/webhook-settings-actions";
import type { FieldErrors } from "@/server/with-workspace";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { FormAlert } from "../ui/form-alert";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { eventIdChoiceOf, eventIdChoices } from "./webhook-choices";

interface WebhookEventIdSettingsProps {
  flowId: string;
  settings: WebhookSettings;
  readOnly: boolean;
  onSaved: (settings: WebhookSettings) => void;
}

/** Where the sender puts each event's id, and how long we remember it: a retried delivery runs once. */
export function WebhookEventIdSettings({ flowId, settings, readOnly, onSaved }: WebhookEventIdSettingsProps) {
  const headingId = useId();
  const [choice, setChoice] = useState(eventIdChoiceOf(settings.eventId));
  const [name, setName] = useState(
    settings.eventId.from === "header"
      ? settings.eventId.header
      : settings.eventId.from === "body"
        ? settings.eventId.path
        : "",
  );
  const [days, setDays] = useState(String(settings.dedupWindowDays));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, startTransition] = useTransition();

  const fixed = eventIdChoices.find((candidate) => candidate.value === choice)?.source;
  const source: EventIdSource =
    fixed ?? (choice === "header" ? { from: "header", header: name } : { from: "body", path: name });

  const save = (event: FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await updateWebhookSettingsAction({
        flowId,
        settings: { ...settings, eventId: source, dedupWindowDays: Number(days) },
      });
      setSaved(result.ok);
      if (!result.ok) {
        setErrors(result.fieldErrors);
        setFormError(Object.keys(result.fieldErrors).length > 0 ? null : result.error);
        return;
      }
      setErrors({});
      setFormError(null);
      onSaved(result.data.webhookSettings);
    });
  };
  const edited = () => setSaved(false);
  const nameError = errors["settings.eventId.header"]?.[0] ?? errors["settings.eventId.path"]?.[0];

  return (
    <form
      onSubmit={save}
      aria-labelledby={headingId}
      className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4"
    >
      <div>
        <p className="text-sm font-medium text-slate-800" id={headingId}>
          Recognise repeated deliveries
        </p>
        <p className="text-xs text-slate-500">
          Senders retry when they miss our answer. A request whose event id already arrived in the last{" "}
          {settings.dedupWindowDays} days is recorded as a duplicate and runs nothing, so a retry never creates a second
          invoice.
        </p>
      </div>
      <Field label="Event id">
        {(control) => (
          <Select
            {...control}
            value={choice}
            disabled={readOnly}
            onValueChange={(value) => {
              setChoice(value);
              edited();
            }}
            options={eventIdChoices.map(({ value, label }) => ({ value, label }))}
          />
        )}
      </Field>
      {choice === "header" || choice === "body" ? (
        <Field
          label={choice === "header" ? "Header name" : "Body field"}
          help={choice === "header" ? "For example X-Request-Id." : "Dots between keys, e.g. data.object.id."}
          error={nameError}
        >
          {(control) => (
            <Input
              {...control}
              value={name}
              readOnly={readOnly}
              className="font-mono text-xs"
              onChange={(event) => {
                setName(event.target.value);
                edited();
              }}
            />
          )}
        </Field>
      ) : null}
      {choice !== "none" ? (
        <Field label="Remember event ids for (days)" error={errors["settings.dedupWindowDays"]?.[0]}>
          {(control) => (
            <Input
              {...control}
              type="number"
              min={1}
              max={30}
              value={days}
              readOnly={readOnly}
              className="w-24"
              onChange={(event) => {
                setDays(event.target.value);
                edited();
              }}
            />
          )}
        </Field>
      ) : null}
      <FormAlert message={formError} />
      {readOnly ? null : (
        <div className="flex items-center gap-3">
          <Button type="submit" variant="secondary" size="sm" disabled={pending}>
            Save event id
          </Button>
          {saved ? (
            <span role="status" className="text-xs text-slate-600">
              Saved. It applies to the next request.
            </span>
          ) : null}
        </div>
      )}
    </form>
  );
}
