"use client";

import { ChevronsUpDownIcon, KeyRoundIcon, LogOutIcon, MonitorSmartphoneIcon } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { cn } from "../ui/class-names";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "../ui/dropdown-menu";
import { SignOutEverywhereDialog } from "./sign-out-everywhere-dialog";

interface UserMenuProps {
  name: string | null;
  email: string | null;
  /** Compact: just the avatar (the mobile top bar). */
  compact?: boolean;
}

function initials(name: string | null, email: string | null): string {
  const source = name?.trim() || email || "?";
  const words = source.split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? "") + (words.length > 1 ? (words.at(-1)?.[0] ?? "") : "")).toUpperCase();
}

export function UserMenu({ name, email, compact }: UserMenuProps) {
  const [confirmSignOutEverywhere, setConfirmSignOutEverywhere] = useState(false);
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger
          aria-label="Account menu"
          className={cn(
            "flex items-center gap-2.5 rounded-md text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500",
            compact ? "p-1" : "w-full px-2 py-1.5",
          )}
        >
          <span
            aria-hidden
            className="flex size-7 shrink-0 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white"
          >
            {initials(name, email)}
          </span>
          {compact ? null : (
            <>
              <span className="flex min-w-0 flex-1 flex-col">
                <span className="truncate text-sm font-medium text-slate-800">{name || email}</span>
                {name && email ? <span className="truncate text-xs text-slate-500">{email}</span> : null}
              </span>
              <ChevronsUpDownIcon className="size-4 text-slate-400" />
            </>
          )}
        </DropdownMenuTrigger>
        <DropdownMenuContent align={compact ? "end" : "start"} side={compact ? "bottom" : "top"}>
          <DropdownMenuLabel>Signed in as {email ?? name}</DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href="/account/password">
              <KeyRoundIcon />
              Change password
            </Link>
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setConfirmSignOutEverywhere(true)}>
            <MonitorSmartphoneIcon />
            Sign out everywhere
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => signOut({ callbackUrl: "/" })}>
            <LogOutIcon />
            Sign out
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <SignOutEverywhereDialog open={confirmSignOutEverywhere} onOpenChange={setConfirmSignOutEverywhere} />
    </>
  );
}
