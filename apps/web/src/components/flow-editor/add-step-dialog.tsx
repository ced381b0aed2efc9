"use client";

import { Command } from "cmdk";
import { PlusIcon, SearchIcon } from "lucide-react";
import { useRef, useState } from "react";
import { plural } from "../plural";
import { Button } from "../ui/button";
import { cn } from "../ui/class-names";
import { Dialog, DialogContent } from "../ui/dialog";
import { MoreBelow, useCountBelow } from "../ui/more-below";
import type { CatalogEntry } from "./editor-types";

interface AddStepDialogProps {
  catalog: CatalogEntry[];
  onAdd: (actionKey: string) => void;
  /** The button's words; "Add a step" unless it adds somewhere in particular ("Add a step before the paths"). */
  label?: string;
  /** Its name for screen readers when the words alone are ambiguous ("Add a step to Card payments"). */
  name?: string;
  id?: string;
  className?: string;
}

/** "Add a step": pick an action or search from the catalog, grouped, searchable. */
export function AddStepDialog({ catalog, onAdd, label = "Add a step", name, id, className }: AddStepDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <Button
        id={id}
        variant="secondary"
        aria-label={name}
        className={cn("w-full border-dashed", className)}
        onClick={() => setOpen(true)}
      >
        <PlusIcon />
        {label}
      </Button>
      <DialogContent
        title="Add a step"
        description="What should happen next: in Xero, in another app, or to the data on its way?"
        flush
        className="max-w-xl"
      >
        <ActionSearch
          catalog={catalog}
          onAdd={(actionKey) => {
            onAdd(actionKey);
            setOpen(false);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}

/** The catalog's search and its grouped list, which says how many actions are below its fold. */
function ActionSearch({ catalog, onAdd }: Pick<AddStepDialogProps, "catalog" | "onAdd">) {
  const groups = [...new Set(catalog.map((entry) => entry.group))];
  const list = useRef<HTMLDivElement>(null);
  const below = useCountBelow(list, "[cmdk-item]");
  return (
    <Command className="flex min-h-0 flex-col">
      {/* The border marks focus; the input draws no ring of its own inside it. */}
      <div className="mx-6 flex items-center gap-2 rounded-md border border-slate-300 px-3 focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-500/30">
        <SearchIcon aria-hidden className="size-4 text-slate-500" />
        <Command.Input
          autoFocus
          aria-label="Search actions"
          placeholder="Search actions, e.g. invoice"
          className="h-9 w-full bg-transparent text-sm outline-none"
        />
      </div>
      <div className="relative mt-3 min-h-0">
        <Command.List ref={list} className="max-h-[min(60vh,28rem)] overflow-y-auto px-3 pb-3">
          <Command.Empty className="px-3 py-6 text-center text-sm text-slate-500">No action matches.</Command.Empty>
          {groups.map((group) => (
            <Command.Group
              key={group}
              heading={group}
              className="[&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:pt-3 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-slate-600"
            >
              {catalog
                .filter((entry) => entry.group === group)
                .map((entry) => (
                  <Command.Item
                    key={entry.key}
                    value={entry.key}
                    keywords={[entry.title, entry.description, entry.group]}
                    onSelect={() => onAdd(entry.key)}
                    className="flex cursor-pointer flex-col gap-0.5 rounded-md px-3 py-2 data-[selected=true]:bg-brand-50"
                  >
                    <span className="text-sm font-medium text-slate-900">{entry.title}</span>
                    <span className="text-xs text-slate-600">{entry.description}</span>
                  </Command.Item>
                ))}
            </Command.Group>
          ))}
        </Command.List>
        <MoreBelow text={below > 0 ? `${plural(below, "more action")} below — scroll to see them` : null} />
      </div>
    </Command>
  );
}
