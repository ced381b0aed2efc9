"use client";

import type { DataPickerGroup } from "@ledgerflow/engine";
import { Command } from "cmdk";
import { BracesIcon, SearchIcon } from "lucide-react";
import { useState } from "react";
import { Button } from "../ui/button";
import { Popover, PopoverContent, PopoverTrigger } from "../ui/popover";

interface DataPickerProps {
  groups: DataPickerGroup[];
  /** Receives the `{{path}}` reference to insert. */
  onPick: (reference: string) => void;
  /** Only lists (for `$each`). */
  listsOnly?: boolean;
  fieldLabel: string;
  /** Only the icon (its name stays "Insert data into …"), beside a control in a row. */
  compact?: boolean;
}

/** "Insert data": earlier steps' and the trigger's values, searchable, each with its sample value. */
export function DataPicker({ groups, onPick, listsOnly, fieldLabel, compact }: DataPickerProps) {
  const [open, setOpen] = useState(false);
  const shown = groups
    .map((group) => ({
      ...group,
      references: listsOnly ? group.references.filter((reference) => reference.type === "list") : group.references,
    }))
    .filter((group) => group.references.length > 0);
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button
          variant="ghost"
          size={compact ? "icon" : "sm"}
          className={compact ? "size-9 text-brand-700" : "h-7 px-2 text-xs text-brand-700"}
          aria-label={`Insert data into ${fieldLabel}`}
          title={compact ? "Insert data" : undefined}
        >
          <BracesIcon />
          {compact ? null : "Insert data"}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-96 max-w-[calc(100vw-2rem)]">
        <Command>
          <div className="flex items-center gap-2 border-b border-slate-200 px-3">
            <SearchIcon className="size-4 text-slate-400" />
            <Command.Input
              aria-label={`Search data to insert into ${fieldLabel}`}
              placeholder="Search data from earlier steps…"
              className="h-10 w-full bg-transparent text-sm"
            />
          </div>
          <Command.List className="max-h-80 overflow-y-auto p-1">
            <Command.Empty className="px-3 py-6 text-center text-sm text-slate-500">
              {shown.length === 0
                ? "No data yet: add a sample to the trigger or test an earlier step."
                : "Nothing matches."}
            </Command.Empty>
            {shown.map((group) => (
              <Command.Group
                key={group.key}
                heading={group.fromExample ? `${group.title} (example data)` : group.title}
                className="[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-slate-500"
              >
                {group.references.map((reference) => (
                  <Command.Item
                    key={reference.path}
                    value={reference.path}
                    keywords={[reference.label, reference.preview]}
                    onSelect={() => {
                      onPick(reference.template);
                      setOpen(false);
                    }}
                    className="flex cursor-pointer items-baseline justify-between gap-3 rounded-md px-2 py-1.5 text-sm data-[selected=true]:bg-slate-100"
                  >
                    <span className="min-w-0 truncate text-xs text-slate-800">{reference.label}</span>
                    <span className="max-w-[45%] shrink-0 truncate font-mono text-xs text-slate-500">
                      {reference.preview}
                    </span>
                  </Command.Item>
                ))}
              </Command.Group>
            ))}
          </Command.List>
        </Command>
      </PopoverContent>
    </Popover>
  );
}
