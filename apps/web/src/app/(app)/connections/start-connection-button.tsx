"use client";

import { useActionState } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { startXeroConnection } from "@/server/connections/start-xero-connection-action";

interface StartConnectionButtonProps {
  label: string;
  variant?: ButtonProps["variant"];
  /** Space-separated scopes to request on top of the defaults. */
  extraScopes?: string;
}

/** "+ Add a Xero connection" and "Reconnect": a form that sends the browser to Xero's consent page. */
export function StartConnectionButton({ label, variant = "primary", extraScopes }: StartConnectionButtonProps) {
  const [result, formAction, pending] = useActionState(
    (_previous: Awaited<ReturnType<typeof startXeroConnection>> | null, formData: FormData) =>
      startXeroConnection(formData),
    null,
  );
  return (
    <form action={formAction} className="flex flex-col items-end gap-1">
      {extraScopes ? <input type="hidden" name="extraScopes" value={extraScopes} /> : null}
      <Button type="submit" variant={variant} size="sm" disabled={pending}>
        {pending ? "Opening Xero…" : label}
      </Button>
      {result && !result.ok ? (
        <p role="alert" className="max-w-xs text-right text-sm text-red-700">
          {result.error}
        </p>
      ) : null}
    </form>
  );
}
