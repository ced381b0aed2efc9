"use client";

import { signOut } from "next-auth/react";
import { useState, useTransition } from "react";
import { signOutEverywhereAction } from "@/server/auth/account-actions";
import { Button } from "../ui/button";
import { Dialog, DialogClose, DialogContent } from "../ui/dialog";
import { FormAlert } from "../ui/form-alert";

interface SignOutEverywhereDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Confirms "Sign out everywhere", then signs this browser out too (its session was revoked with the rest). */
export function SignOutEverywhereDialog({ open, onOpenChange }: SignOutEverywhereDialogProps) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  const signOutEverywhere = () =>
    startTransition(async () => {
      setError(null);
      const result = await signOutEverywhereAction({});
      if (!result.ok) return setError(result.error);
      await signOut({ callbackUrl: "/login" });
    });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent
        title="Sign out everywhere?"
        description="Every browser and device signed in to your account is signed out, this one included. Sign in again with your password afterwards."
      >
        <FormAlert message={error} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <DialogClose asChild>
            <Button variant="secondary">Cancel</Button>
          </DialogClose>
          <Button variant="danger" onClick={signOutEverywhere} disabled={pending}>
            {pending ? "Signing out…" : "Sign out everywhere"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
