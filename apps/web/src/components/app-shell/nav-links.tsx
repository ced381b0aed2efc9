"use client";

import { HistoryIcon, PlugIcon, WorkflowIcon } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "../ui/class-names";

const links = [
  {
    href: "/",
    label: "Flows",
    icon: WorkflowIcon,
    matches: (path: string) => path === "/" || path.startsWith("/flows"),
  },
  { href: "/runs", label: "Run history", icon: HistoryIcon, matches: (path: string) => path.startsWith("/runs") },
  {
    href: "/connections",
    label: "Connections",
    icon: PlugIcon,
    matches: (path: string) => path.startsWith("/connections"),
  },
];

/** The app's main sections; the current one is marked for sighted and screen-reader users alike. */
export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {links.map(({ href, label, icon: Icon, matches }) => {
        const current = matches(pathname);
        return (
          <Link
            key={href}
            href={href}
            onClick={onNavigate}
            aria-current={current ? "page" : undefined}
            className={cn(
              "flex items-center gap-2.5 rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors",
              current ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
            )}
          >
            <Icon className={cn("size-4", current ? "text-brand-600" : "text-slate-400")} />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
