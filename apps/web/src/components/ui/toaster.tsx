"use client";

import { Toaster as Sonner } from "sonner";

/** Mounted once in the root layout; call `toast(...)` from "sonner" anywhere in client code. */
export function Toaster() {
  return <Sonner position="bottom-right" richColors closeButton toastOptions={{ className: "text-sm" }} />;
}
