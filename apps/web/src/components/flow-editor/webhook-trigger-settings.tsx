"use client";

import { MAX_JSON_DEPTH } from "@ledgerflow/engine";
import { RadioIcon, RotateCwIcon } from "lucide-react";
import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { startListeningAction, takeTestEventAction } from "@/server/flows/listen-for-test-event-actions";
import { regenerateWebhookTokenAction } from "@/server/flows/webhook-settings-actions";
import { Button } from "../ui/button";
import { CopyField } from "../ui/copy-field";
import { Dialog, DialogClose, DialogContent } from "../ui/dialog";
import type { WebhookView } from "./editor-types";
import { WebhookEventIdSettings } from "./webhook-event-id-settings";
import { WebhookSignatureSettings } from "./webhook-signature-settings";

interface WebhookTriggerSettingsProps {
  flowId: string;
  webhook: WebhookView;
  readOnly: boolean;
  onChange: (change: Partial<WebhookView>) => void;
  /** A captured test event: becomes the trigger's sample. */
  onCaptured: (event: Record<string, unknown>) => void;
}

const LISTEN_POLL_MS = 2_000;
const LISTEN_FOR_MS = 10 * 60 * 1000;

/** The webhook URL, its event id and optional signature, and "Listen for a test event". */
export function WebhookTriggerSettings(props: WebhookTriggerSettingsProps) {
  const { flowId, webhook, readOnly, onChange } = props;
  return (
    <div className="flex flex-col gap-6">
      {webhook.url === null ? (
        <p className="rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm text-slate-600">
          This flow starts when its webhook URL receives a request. Only owners and editors see the URL: anyone who has
          it can start the flow.
        </p>
      ) : (
        <WebhookUrl flowId={flowId} url={webhook.url} readOnly={readOnly} onChange={(url) => onChange({ url })} />
      )}
      <WebhookEventIdSettings
        flowId={flowId}
        settings={webhook.settings}
        readOnly={readOnly}
        onSaved={(settings) => onChange({ settings })}
      />
      <WebhookSignatureSettings flowId={flowId} webhook={webhook} readOnly={readOnly} onChange={onChange} />
      {readOnly ? null : <ListenForTestEvent {...props} />}
    </div>
  );
}

function WebhookUrl({
  flowId,
  url,
  readOnly,
  onChange,
}: {
  flowId: string;
  url: string;
  readOnly: boolean;
  onChange: (url: string) => void;
}) {
  const [pending, startTransition] = useTransition();
  const [confirmRegenerate, setConfirmRegenerate] = useState(false);

  const regenerate = () =>
    startTransition(async () => {
      const result = await regenerateWebhookTokenAction({ flowId });
      setConfirmRegenerate(false);
      if (!result.ok) return void toast.error(result.error);
      onChange(url.replace(/[^/]+$/, result.data.webhookToken));
      toast.success("New URL ready. Update the app that sends the webhooks.");
    });

  return (
    <CopyField label="Webhook URL" value={url} copyLabel="Copy webhook URL">
      <p className="text-xs text-slate-500">
        Send a <code className="font-mono">POST</code> with a JSON or form body (up to 1 MB, nested at most{" "}
        {MAX_JSON_DEPTH} levels). Keep this URL secret: anyone who has it can start this flow.
      </p>
      {readOnly ? null : (
        <Dialog open={confirmRegenerate} onOpenChange={setConfirmRegenerate}>
          <Button variant="link" size="sm" className="self-start" onClick={() => setConfirmRegenerate(true)}>
            <RotateCwIcon />
            Regenerate URL
          </Button>
          <DialogContent
            title="Regenerate the webhook URL?"
            description="The current URL stops working at once. Apps still sending to it will get an error until you give them the new one."
          >
            <div className="flex justify-end gap-2">
              <DialogClose asChild>
                <Button variant="secondary">Cancel</Button>
              </DialogClose>
              <Button variant="danger" onClick={regenerate} disabled={pending}>
                Regenerate
              </Button>
            </div>
          </DialogContent>
        </Dialog>
      )}
    </CopyField>
  );
}

/** Waits (polling) for the next request to the URL and stores it as the sample. */
function ListenForTestEvent({ flowId, onCaptured }: WebhookTriggerSettingsProps) {
  const [listening, setListening] = useState(false);
  const stop = useRef<() => void>(() => {});

  useEffect(() => () => stop.current(), []);

  const listen = async () => {
    const started = await startListeningAction({ flowId });
    if (!started.ok) return void toast.error(started.error);
    setListening(true);
    const until = Date.now() + LISTEN_FOR_MS;
    const timer = setInterval(async () => {
      if (Date.now() > until) {
        stop.current();
        toast.info("Stopped listening: no request arrived in 10 minutes.");
        return;
      }
      const taken = await takeTestEventAction({ flowId });
      if (taken.ok && taken.data) {
        stop.current();
        onCaptured(taken.data as unknown as Record<string, unknown>);
        toast.success("Test event received and saved as the sample.");
      }
    }, LISTEN_POLL_MS);
    stop.current = () => {
      clearInterval(timer);
      setListening(false);
    };
  };

  return (
    <div className="flex flex-col gap-2 rounded-lg border border-dashed border-slate-300 bg-slate-50 p-4">
      <p className="text-sm font-medium text-slate-800">Use a real request as the sample</p>
      <p className="text-xs text-slate-500">
        Start listening, then send a request to the URL above (for example, pay a test order in your shop).
      </p>
      {listening ? (
        <div className="flex items-center gap-3" role="status">
          <span className="relative flex size-2.5">
            <span className="absolute inline-flex size-full animate-ping rounded-full bg-brand-500 opacity-75" />
            <span className="relative inline-flex size-2.5 rounded-full bg-brand-600" />
          </span>
          <span className="text-sm text-slate-700">Listening for a request…</span>
          <Button variant="ghost" size="sm" onClick={() => stop.current()}>
            Stop
          </Button>
        </div>
      ) : (
        <Button variant="secondary" className="self-start" onClick={listen}>
          <RadioIcon />
          Listen for a test event
        </Button>
      )}
    </div>
  );
}
