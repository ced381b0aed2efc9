"use client";

import { AlertDialog } from "radix-ui";
import type { ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./class-names";
import { overlayClassName } from "./dialog";

interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** One sentence: what agreeing does, and where ("This creates another invoice in Demo Company (NZ)."). */
  description: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  /** The button that agrees to nothing; "Cancel" unless that would read as the action itself. */
  dismissLabel?: string;
  pending: boolean;
  onConfirm: () => void;
  /** Why the last attempt failed, and what to do next. */
  error?: string | null;
}

/**
 * Asks before a click writes to Xero again. An alert dialog: it opens on Cancel, so Enter never
 * agrees by accident, and Escape or Cancel writes nothing.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, onOpenChange, title, description, confirmLabel, pendingLabel, pending, onConfirm, error } = props;
  const dismissLabel = props.dismissLabel ?? "Cancel";
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        {/* Above what opened it: a confirmation can come from a side panel (z-50). */}
        <AlertDialog.Overlay className={cn(overlayClassName, "z-[60]")} />
        <AlertDialog.Content className="fixed top-1/2 left-1/2 z-[60] flex max-h-[90vh] w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 flex-col gap-4 overflow-y-auto rounded-xl bg-white p-6 shadow-xl">
          <div className="flex flex-col gap-2">
            <AlertDialog.Title className="text-base font-semibold text-slate-900">{title}</AlertDialog.Title>
            <AlertDialog.Description className="text-sm text-slate-700">{description}</AlertDialog.Description>
          </div>
          {error ? (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          ) : null}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary">{dismissLabel}</Button>
            </AlertDialog.Cancel>
            {/* Not AlertDialog.Action: that closes at once, before the write has been accepted or refused. */}
            <Button onClick={onConfirm} disabled={pending}>
              {pending ? pendingLabel : confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
