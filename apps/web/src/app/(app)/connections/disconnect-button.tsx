"use client";

import type { FlowUsingConnection } from "@ledgerflow/runtime";
import Link from "next/link";
import { useActionState, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { disconnectConnection } from "@/server/connections/disconnect-connection-action";

/** How the flow uses it: its runs ("switched on") or only the draft being edited. */
function howItUses(flow: FlowUsingConnection): string {
  if (!flow.published) return "in its draft only";
  return flow.enabled ? "switched on" : "switched off";
}

/**
 * Disconnect with a confirmation naming every flow that uses this connection (published or in
 * draft), as it stops them. A connection made through a consent (`revocable`: Xero's) is also
 * revoked at the provider; a typed-in one is erased.
 */
export function DisconnectButton({
  connectionId,
  organisationName,
  providerTitle,
  revocable,
  flows,
}: {
  connectionId: string;
  organisationName: string;
  providerTitle: string;
  revocable: boolean;
  flows: FlowUsingConnection[];
}) {
  const [open, setOpen] = useState(false);
  const [result, formAction, pending] = useActionState(
    async (_previous: Awaited<ReturnType<typeof disconnectConnection>> | null, formData: FormData) => {
      const outcome = await disconnectConnection(formData);
      if (outcome.ok) {
        setOpen(false);
        toast.success(
          outcome.data.revokedAtProvider || !revocable
            ? `Disconnected ${organisationName}.`
            : `Disconnected ${organisationName} here. ${providerTitle} could not be reached: remove Ledgerflow from ${providerTitle}'s connected apps too.`,
        );
      }
      return outcome;
    },
    null,
  );
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          Disconnect
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Disconnect ${organisationName}?`}
        description={
          revocable
            ? `Ledgerflow will revoke its access at ${providerTitle} and delete the stored tokens. Flows that use this organisation will fail until you reconnect it.`
            : "Ledgerflow will delete the stored credentials. Steps that use this connection will fail until you choose another."
        }
      >
        <form action={formAction} className="flex flex-col gap-4">
          {flows.length === 0 ? (
            <p className="text-sm text-slate-600">No flow uses this connection.</p>
          ) : (
            <div className="flex flex-col gap-2 text-sm">
              <p className="font-medium text-slate-900">
                {flows.length === 1 ? "1 flow uses it" : `${flows.length} flows use it`}:
              </p>
              <ul aria-label="Flows that use this connection" className="flex flex-col gap-1">
                {flows.map((flow) => (
                  <li key={flow.id} className="break-words text-slate-700">
                    <Link href={`/flows/${flow.id}`} className="font-medium text-brand-700 hover:underline">
                      {flow.name}
                    </Link>{" "}
                    <span className="text-slate-500">({howItUses(flow)})</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
          <input type="hidden" name="connectionId" value={connectionId} />
          {result && !result.ok ? (
            <p role="alert" className="text-sm text-red-700">
              {result.error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? "Disconnecting…" : "Disconnect"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
