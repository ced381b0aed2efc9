"use client";

import type { CSSProperties } from "react";
import { Toaster as Sonner } from "sonner";

// Sonner's red on its pale error background is 4.4:1, under WCAG AA's 4.5:1: red-700 reads at 6:1.
const contrast = { "--error-text": "#b91c1c" } as CSSProperties;

/** Mounted once in the root layout; call `toast(...)` from "sonner" anywhere in client code. */
export function Toaster() {
  return (
    <Sonner position="bottom-right" richColors closeButton style={contrast} toastOptions={{ className: "text-sm" }} />
  );
}
