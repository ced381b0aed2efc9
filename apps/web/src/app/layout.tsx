import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { RenderedAtProvider } from "@/components/local-time";
import { Toaster } from "@/components/ui/toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Ledgerflow", template: "%s · Ledgerflow" },
  description: "Workflow automation for accounting teams. Connect your apps to Xero without code.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page's scripts carry the nonce of its request's Content-Security-Policy (proxy.ts), so no
  // page, the not-found page included, may be rendered once at build time.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        {/* The server's clock for this render, so relative times ("5 minutes ago") hydrate unchanged. */}
        <RenderedAtProvider at={Date.now()}>{children}</RenderedAtProvider>
        <Toaster />
      </body>
    </html>
  );
}
