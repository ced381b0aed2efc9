"use client";

import { useActionState, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { disconnectConnection } from "@/server/connections/disconnect-connection-action";

/**
 * Disconnect with a confirmation: it stops every flow that uses this connection. A connection made
 * through a consent (`revocable`: Xero's) is also revoked at the provider; a typed-in one is erased.
 */
export function DisconnectButton({
  connectionId,
  organisationName,
  providerTitle,
  revocable,
}: {
  connectionId: string;
  organisationName: string;
  providerTitle: string;
  revocable: boolean;
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
