import type { ComponentProps } from "react";
import { cn } from "./class-names";

export const controlClassName =
  "w-full rounded-md border border-slate-300 bg-white px-3 text-sm text-slate-900 shadow-xs focus-visible:border-brand-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-brand-500/30 disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500 aria-invalid:border-red-500 aria-invalid:focus-visible:outline-red-500/30";

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(controlClassName, "h-9", className)} {...props} />;
}
