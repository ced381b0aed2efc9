import type { ReactNode } from "react";
import { MAIN_CONTENT_ID, SkipLink } from "../ui/skip-link";
import { Logo } from "./logo";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

interface AppShellProps {
  workspaceName: string;
  user: { name: string | null; email: string | null };
  children: ReactNode;
}

/** The signed-in frame: a sidebar on wide screens, a top bar with a drawer on phones. */
export function AppShell({ workspaceName, user, children }: AppShellProps) {
  return (
    <div className="min-h-screen md:grid md:grid-cols-[15rem_1fr]">
      <SkipLink />
      <aside className="sticky top-0 hidden h-screen flex-col gap-6 border-r border-slate-200 bg-white px-3 py-4 md:flex">
        <div className="px-2">
          <Logo />
        </div>
        <div className="flex flex-col gap-2">
          <p
            className="truncate px-2.5 text-xs font-medium tracking-wide text-slate-500 uppercase"
            title={workspaceName}
          >
            {workspaceName}
          </p>
          <NavLinks />
        </div>
        <div className="mt-auto border-t border-slate-100 pt-3">
          <UserMenu name={user.name} email={user.email} />
        </div>
      </aside>
      <header className="sticky top-0 z-30 flex h-14 items-center justify-between gap-3 border-b border-slate-200 bg-white/95 px-4 backdrop-blur md:hidden">
        <div className="flex items-center gap-2">
          <MobileNav workspaceName={workspaceName} />
          <Logo />
        </div>
        <UserMenu name={user.name} email={user.email} compact />
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="min-w-0 outline-none">
        {children}
      </main>
    </div>
  );
}
