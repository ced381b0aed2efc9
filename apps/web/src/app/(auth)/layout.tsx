import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { Logo } from "@/components/app-shell/logo";
import { MAIN_CONTENT_ID, SkipLink } from "@/components/ui/skip-link";
import { getAppSession } from "@/server/auth/get-app-session";

// Whether a visitor is signed in decides the page: render per request, never at build.
export const dynamic = "force-dynamic";

/** Sign-in and sign-up: a centred card. Signed-in visitors go straight to the app. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  if (await getAppSession()) redirect("/");
  return (
    <div className="flex min-h-screen flex-col items-center justify-center gap-8 px-4 py-12">
      <SkipLink />
      <header>
        <Logo />
      </header>
      <main
        id={MAIN_CONTENT_ID}
        tabIndex={-1}
        className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-6 shadow-sm outline-none sm:p-8"
      >
        {children}
      </main>
    </div>
  );
}
