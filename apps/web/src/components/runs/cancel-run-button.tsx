"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { cancelRunAction } from "@/server/runs/cancel-run-action";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";

/** "Cancel run" on a run a Delay keeps waiting: asks first, since the steps after the delay then never run. */
export function CancelRunButton({ runId }: { runId: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const cancel = () =>
    startTransition(async () => {
      setError(null);
      const result = await cancelRunAction({ runId });
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setOpen(false);
      toast.success("Run cancelled: the steps after the delay will not run");
      router.refresh();
    });

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Cancel run
      </Button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Cancel this waiting run?"
        description="The steps after the delay will not run. You can re-run it later from where it stopped."
        confirmLabel="Cancel run"
        pendingLabel="Cancelling…"
        dismissLabel="Keep waiting"
        pending={pending}
        onConfirm={cancel}
        error={error}
      />
    </>
  );
}
