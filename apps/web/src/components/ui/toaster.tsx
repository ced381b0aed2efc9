"use client";

import type { CSSProperties } from "react";
import { Toaster as Sonner } from "sonner";

// Sonner's rich colours on their pale backgrounds fall under WCAG AA's 4.5:1 (its green is 4.3:1,
// its red 4.4:1, its amber about 3:1): Tailwind's 700–800 shades read at 6:1 or more.
const contrast = {
  "--success-text": "#166534",
  "--error-text": "#b91c1c",
  "--warning-text": "#92400e",
  "--info-text": "#1e40af",
} as CSSProperties;

/** Mounted once in the root layout; call `toast(...)` from "sonner" anywhere in client code. */
export function Toaster() {
  return (
    <Sonner position="bottom-right" richColors closeButton style={contrast} toastOptions={{ className: "text-sm" }} />
  );
}
