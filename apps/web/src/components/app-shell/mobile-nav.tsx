"use client";

import { MenuIcon, XIcon } from "lucide-react";
import { Dialog as DialogPrimitive } from "radix-ui";
import { useState } from "react";
import { overlayClassName } from "../ui/dialog";
import { Logo } from "./logo";
import { NavLinks } from "./nav-links";

/** Below the md breakpoint the sidebar becomes a drawer behind a menu button in the top bar. */
export function MobileNav({ workspaceName }: { workspaceName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <DialogPrimitive.Root open={open} onOpenChange={setOpen}>
      <DialogPrimitive.Trigger
        aria-label="Open menu"
        className="rounded-md p-1.5 text-slate-600 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-brand-500"
      >
        <MenuIcon className="size-5" />
      </DialogPrimitive.Trigger>
      <DialogPrimitive.Portal>
        <DialogPrimitive.Overlay className={overlayClassName} />
        <DialogPrimitive.Content className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col gap-6 bg-white p-4 shadow-2xl">
          <div className="flex items-center justify-between">
            <Logo />
            <DialogPrimitive.Close
              aria-label="Close menu"
              className="rounded-md p-1.5 text-slate-500 hover:bg-slate-100"
            >
              <XIcon className="size-5" />
            </DialogPrimitive.Close>
          </div>
          <DialogPrimitive.Title className="sr-only">Menu</DialogPrimitive.Title>
          <DialogPrimitive.Description className="px-2.5 text-xs font-medium tracking-wide text-slate-500 uppercase">
            {workspaceName}
          </DialogPrimitive.Description>
          <NavLinks onNavigate={() => setOpen(false)} />
        </DialogPrimitive.Content>
      </DialogPrimitive.Portal>
    </DialogPrimitive.Root>
  );
}
