import { AlertCircleIcon } from "lucide-react";

/** "2 to fix" on a card: how many switch-on problems the trigger or step has; nothing when none. */
export function ToFix({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <span className="inline-flex items-center gap-1 text-amber-700">
      <AlertCircleIcon aria-hidden className="size-3.5" />
      {count} to fix
    </span>
  );
}
