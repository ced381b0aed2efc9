"use client";

import { Trash2Icon } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { deleteFlowAction } from "@/server/flows/delete-flow-action";
import { Button } from "../ui/button";
import { Dialog, DialogClose, DialogContent } from "../ui/dialog";

/** Deletes the flow after a confirmation; a switched-on one must be switched off first. */
export function DeleteFlowButton({ flowId, flowName }: { flowId: string; flowName: string }) {
  const [open, setOpen] = useState(false);
  const [pending, startTransition] = useTransition();
  const remove = () =>
    startTransition(async () => {
      const result = await deleteFlowAction({ flowId });
      if (result && !result.ok) {
        setOpen(false);
        toast.error(result.error);
      }
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button variant="ghost" size="icon" aria-label="Delete flow" onClick={() => setOpen(true)}>
        <Trash2Icon />
      </Button>
      <DialogContent
        title={`Delete “${flowName}”?`}
        description="Its steps, samples and run history are deleted too. This cannot be undone."
      >
        <div className="flex justify-end gap-2">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant="danger" onClick={remove} disabled={pending}>
            {pending ? "Deleting…" : "Delete flow"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
