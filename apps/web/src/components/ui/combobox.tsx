"use client";

import { Command } from "cmdk";
import { CheckIcon, ChevronsUpDownIcon, SearchIcon } from "lucide-react";
import { type ReactNode, useState } from "react";
import { cn } from "./class-names";
import { controlClassName } from "./input";
import { Popover, PopoverContent, PopoverTrigger } from "./popover";

export interface ComboboxOption {
  value: string;
  label: string;
  /** Second line or right-hand text, e.g. an account's type. */
  hint?: string;
  /** A sentence under the label (what a trigger does); searched too. */
  description?: string;
  group?: string;
}

interface ComboboxProps {
  options: ComboboxOption[];
  value: string | null;
  onChange: (value: string) => void;
  placeholder?: string;
  searchPlaceholder?: string;
  emptyText?: string;
  disabled?: boolean;
  /** Extra rows at the bottom of the list, e.g. "+ Add a Xero connection". */
  footer?: ReactNode;
  id?: string;
  className?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
  "aria-label"?: string;
  /** Drawn as the chosen value instead of an option's label (a mapped value's pills). */
  valueContent?: ReactNode;
  /** Backspace or Delete on the closed dropdown empties it (a mapped value removed). */
  onClear?: () => void;
}

/** A searchable dropdown (Xero accounts, tax rates, actions): type to filter, arrows and Enter to pick. */
export function Combobox({
  options,
  value,
  onChange,
  placeholder = "Choose…",
  searchPlaceholder = "Search…",
  emptyText = "Nothing matches.",
  disabled,
  footer,
  id,
  className,
  valueContent,
  onClear,
  ...aria
}: ComboboxProps) {
  const [open, setOpen] = useState(false);
  const selected = options.find((option) => option.value === value);
  const groups = [...new Set(options.map((option) => option.group ?? ""))];

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger
        id={id}
        disabled={disabled}
        role="combobox"
        aria-expanded={open}
        className={cn(controlClassName, "flex h-9 items-center justify-between gap-2 text-left", className)}
        onKeyDown={(event) => {
          if (!onClear || open || (event.key !== "Backspace" && event.key !== "Delete")) return;
          event.preventDefault();
          onClear();
        }}
        {...aria}
      >
        {valueContent ?? (
          <span className={cn("truncate", !selected && !value && "text-slate-500")}>
            {selected ? selected.label : value ? value : placeholder}
          </span>
        )}
        <ChevronsUpDownIcon className="size-4 shrink-0 text-slate-500" />
      </PopoverTrigger>
      <PopoverContent>
        <Command
          filter={(itemValue, search, keywords) => {
            const words = search.toLowerCase().split(/\s+/);
            const has = (text: string) => words.every((word) => text.toLowerCase().includes(word));
            // Every word in the label ranks above matches in the hint or description ("paid" finds
            // "Invoice paid" before "Sales invoice updated … paid or voided").
            if (has(keywords?.[0] ?? "")) return 1;
            return has(`${itemValue} ${keywords?.join(" ") ?? ""}`) ? 0.5 : 0;
          }}
        >
          <div className="flex items-center gap-2 border-b border-slate-200 px-3">
            <SearchIcon className="size-4 text-slate-400" />
            <Command.Input
              aria-label="Search the choices"
              placeholder={searchPlaceholder}
              className="h-10 w-full bg-transparent text-sm"
            />
          </div>
          <Command.List className="max-h-72 overflow-y-auto p-1">
            <Command.Empty className="px-3 py-6 text-center text-sm text-slate-500">{emptyText}</Command.Empty>
            {groups.map((group) => (
              <Command.Group
                key={group}
                heading={group || undefined}
                className="[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-slate-500"
              >
                {options
                  .filter((option) => (option.group ?? "") === group)
                  .map((option) => (
                    <Command.Item
                      key={option.value}
                      value={option.value}
                      keywords={[option.label, option.hint ?? "", option.group ?? "", option.description ?? ""]}
                      onSelect={() => {
                        onChange(option.value);
                        setOpen(false);
                      }}
                      className="flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-700 data-[selected=true]:bg-slate-100 data-[selected=true]:text-slate-900"
                    >
                      <CheckIcon
                        className={cn(
                          "size-4 shrink-0 text-brand-600",
                          option.value === value ? "opacity-100" : "opacity-0",
                        )}
                      />
                      {option.description ? (
                        <span className="flex min-w-0 flex-1 flex-col">
                          <span className="truncate">{option.label}</span>
                          <span className="text-xs text-slate-600">{option.description}</span>
                        </span>
                      ) : (
                        <span className="min-w-0 flex-1 truncate">{option.label}</span>
                      )}
                      {option.hint ? <span className="shrink-0 text-xs text-slate-500">{option.hint}</span> : null}
                    </Command.Item>
                  ))}
              </Command.Group>
            ))}
          </Command.List>
          {footer ? <div className="border-t border-slate-200 p-1">{footer}</div> : null}
        </Command>
      </PopoverContent>
    </Popover>
  );
}
