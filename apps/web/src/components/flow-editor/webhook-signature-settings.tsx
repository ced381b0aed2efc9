"use client";

import type { SignatureScheme } from "@ledgerflow/engine";
import { type FormEvent, useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { setWebhookSigningSecretAction, updateWebhookSettingsAction } from "@/server/flows/webhook-settings-actions";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { Switch } from "../ui/switch";
import type { WebhookView } from "./editor-types";
import { signatureChoices, signatureInstructions } from "./webhook-choices";

interface WebhookSignatureSettingsProps {
  flowId: string;
  webhook: WebhookView;
  readOnly: boolean;
  onChange: (change: Partial<WebhookView>) => void;
}

const GENERIC_DEFAULTS: Extract<SignatureScheme, { scheme: "generic" }> = {
  scheme: "generic",
  header: "x-signature",
  algorithm: "sha256",
  encoding: "hex",
  prefix: "",
};

/** "Require a signature": the secret, the sender's signature format, and how to sign. */
export function WebhookSignatureSettings({ flowId, webhook, readOnly, onChange }: WebhookSignatureSettingsProps) {
  const headingId = useId();
  const [pending, startTransition] = useTransition();
  const { settings } = webhook;

  const toggle = (enabled: boolean) =>
    startTransition(async () => {
      const result = await setWebhookSigningSecretAction({ flowId, enabled });
      if (!result.ok) return void toast.error(result.error);
      onChange({ signingSecret: result.data.webhookSigningSecret, signed: enabled });
    });
  const saveScheme = (signature: SignatureScheme, after?: () => void) =>
    startTransition(async () => {
      const result = await updateWebhookSettingsAction({ flowId, settings: { ...settings, signature } });
      if (!result.ok) return void toast.error(result.error);
      onChange({ settings: result.data.webhookSettings });
      after?.();
    });
  const instructions = signatureInstructions[settings.signature.scheme];

  return (
    <div className="flex flex-col gap-3 rounded-lg border border-slate-200 p-4">
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="text-sm font-medium text-slate-800" id={headingId}>
            Require a signature
          </p>
          <p className="text-xs text-slate-500">Reject requests that were not signed with a secret only you know.</p>
        </div>
        <Switch
          aria-labelledby={headingId}
          checked={webhook.signed}
          onCheckedChange={toggle}
          disabled={readOnly || pending}
        />
      </div>
      {webhook.signed ? (
        <div className="flex flex-col gap-3 text-sm">
          <Field label="Signature format">
            {(control) => (
              <Select
                {...control}
                value={settings.signature.scheme}
                disabled={readOnly || pending}
                onValueChange={(scheme) =>
                  saveScheme(scheme === "generic" ? GENERIC_DEFAULTS : ({ scheme } as SignatureScheme), () =>
                    toast.success("Signature format saved."),
                  )
                }
                options={signatureChoices}
              />
            )}
          </Field>
          {settings.signature.scheme === "generic" ? (
            <GenericSignatureForm
              signature={settings.signature}
              readOnly={readOnly}
              pending={pending}
              onSave={(signature) => saveScheme(signature, () => toast.success("Signature format saved."))}
            />
          ) : null}
          {webhook.signingSecret !== null ? (
            <>
              <div className="flex gap-2">
                <Input
                  readOnly
                  aria-label="Signing secret"
                  value={webhook.signingSecret}
                  className="font-mono text-xs"
                />
                <CopyButton value={webhook.signingSecret} label="Copy signing secret" />
              </div>
              <p className="text-xs leading-relaxed text-slate-600">{instructions.text}</p>
              {instructions.example ? (
                <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 font-mono text-xs text-slate-100">
                  {instructions.example}
                </pre>
              ) : null}
              {readOnly ? null : (
                <SenderSecretForm
                  flowId={flowId}
                  onSaved={(secret) => onChange({ signingSecret: secret, signed: true })}
                />
              )}
            </>
          ) : (
            <p className="text-xs text-slate-600">Only owners and editors see the signing secret.</p>
          )}
        </div>
      ) : null}
    </div>
  );
}

function GenericSignatureForm({
  signature,
  readOnly,
  pending,
  onSave,
}: {
  signature: Extract<SignatureScheme, { scheme: "generic" }>;
  readOnly: boolean;
  pending: boolean;
  onSave: (signature: SignatureScheme) => void;
}) {
  const [draft, setDraft] = useState(signature);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(draft);
  };
  return (
    <form onSubmit={submit} aria-label="Signature of another sender" className="grid gap-3 sm:grid-cols-2">
      <Field label="Header" className="sm:col-span-2">
        {(control) => (
          <Input
            {...control}
            value={draft.header}
            readOnly={readOnly}
            className="font-mono text-xs"
            onChange={(event) => setDraft({ ...draft, header: event.target.value })}
          />
        )}
      </Field>
      <Field label="Algorithm">
        {(control) => (
          <Select
            {...control}
            value={draft.algorithm}
            disabled={readOnly}
            onValueChange={(algorithm) => setDraft({ ...draft, algorithm: algorithm as typeof draft.algorithm })}
            options={[
              { value: "sha256", label: "HMAC-SHA256" },
              { value: "sha512", label: "HMAC-SHA512" },
              { value: "sha1", label: "HMAC-SHA1" },
            ]}
          />
        )}
      </Field>
      <Field label="Encoding">
        {(control) => (
          <Select
            {...control}
            value={draft.encoding}
            disabled={readOnly}
            onValueChange={(encoding) => setDraft({ ...draft, encoding: encoding as typeof draft.encoding })}
            options={[
              { value: "hex", label: "Hex" },
              { value: "base64", label: "Base64" },
            ]}
          />
        )}
      </Field>
      <Field
        label="Text before the signature"
        help="For example sha256= (leave empty if none)."
        className="sm:col-span-2"
      >
        {(control) => (
          <Input
            {...control}
            value={draft.prefix}
            readOnly={readOnly}
            className="font-mono text-xs"
            onChange={(event) => setDraft({ ...draft, prefix: event.target.value })}
          />
        )}
      </Field>
      {readOnly ? null : (
        <Button type="submit" variant="secondary" size="sm" className="self-start" disabled={pending}>
          Save format
        </Button>
      )}
    </form>
  );
}

/** Senders such as Shopify and Stripe make the secret themselves: it replaces ours. */
function SenderSecretForm({ flowId, onSaved }: { flowId: string; onSaved: (secret: string) => void }) {
  const [secret, setSecret] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await setWebhookSigningSecretAction({ flowId, enabled: true, secret });
      if (!result.ok) return void setError(result.fieldErrors.secret?.[0] ?? result.error);
      setError(null);
      setSecret("");
      onSaved(result.data.webhookSigningSecret ?? secret);
      toast.success("The sender's secret is saved. Requests must now be signed with it.");
    });
  };
  return (
    <form onSubmit={submit} aria-label="Use the sender's secret" className="flex flex-col gap-2">
      <Field
        label="Or paste the sender's secret"
        help="It replaces the secret above; requests signed with the old one are refused."
        error={error}
      >
        {(control) => (
          <div className="flex gap-2">
            <Input
              {...control}
              type="password"
              autoComplete="off"
              value={secret}
              className="font-mono text-xs"
              onChange={(event) => setSecret(event.target.value)}
            />
            <Button type="submit" variant="secondary" disabled={pending || secret.trim() === ""}>
              Save secret
            </Button>
          </div>
        )}
      </Field>
    </form>
  );
}
