"use client";

import { PlusIcon } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";
import { createFlowAction } from "@/server/flows/create-flow-action";
import { Button } from "../ui/button";

/** Creates an empty flow in the browser's time zone and opens it in the editor. */
export function NewFlowButton({
  variant = "primary",
  label = "New flow",
}: {
  variant?: "primary" | "secondary";
  /** The words, when the button is a next step ("Create your first flow"). */
  label?: string;
}) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant={variant}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await createFlowAction({ timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
          if (result && !result.ok) toast.error(result.error);
        })
      }
    >
      <PlusIcon />
      {pending ? "Creating…" : label}
    </Button>
  );
}
