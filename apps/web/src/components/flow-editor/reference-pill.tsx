"use client";

import type { DataPickerGroup } from "@ledgerflow/engine";
import { XIcon } from "lucide-react";
import type { KeyboardEvent, Ref } from "react";
import { cn } from "../ui/class-names";
import { type DescribedReference, describeReference, type TemplateSegment } from "./template-segments";

interface ReferencePillProps {
  reference: DescribedReference;
  /** Given, the pill has a × button named "Remove <label>" (Backspace and Delete on it remove too). */
  onRemove?: () => void;
  /** Arrow keys between pills and the text box (the pills field moves focus). */
  onKeyDown?: (event: KeyboardEvent<HTMLButtonElement>) => void;
  removeRef?: Ref<HTMLButtonElement>;
}

/**
 * A mapped value drawn as data: where it comes from, its label and its sample ("Trigger · Order id ·
 * 1042"), amber with "not in the sample" when the sample has no such value. Sighted users read the
 * parts, screen readers one sentence ("Order id from the trigger, sample 1042").
 */
export function ReferencePill({ reference, onRemove, onKeyDown, removeRef }: ReferencePillProps) {
  return (
    <span
      data-reference-pill
      title={reference.path}
      className={cn(
        "inline-flex min-w-0 max-w-full items-center gap-1 rounded-md border px-1.5 py-0.5 text-xs leading-5",
        reference.found ? "border-brand-100 bg-brand-50 text-brand-700" : "border-amber-300 bg-amber-50 text-amber-900",
      )}
    >
      <span aria-hidden className="flex min-w-0 items-center gap-1">
        <span className="max-w-32 shrink-0 truncate text-slate-600">{reference.source}</span>
        <span className="text-slate-500">·</span>
        <span className={cn("truncate font-medium", !reference.found && "font-mono")}>{reference.label}</span>
        {reference.sample === undefined ? (
          <span className="shrink-0 rounded bg-amber-100 px-1 text-amber-800">not in the sample</span>
        ) : (
          <>
            <span className="text-slate-500">·</span>
            <span className="max-w-40 truncate font-mono text-slate-700">{reference.sample}</span>
          </>
        )}
      </span>
      <span className="sr-only">{reference.spoken}</span>
      {onRemove ? (
        <button
          ref={removeRef}
          type="button"
          aria-label={`Remove ${reference.label}`}
          className="-mr-0.5 grid size-4 shrink-0 place-items-center rounded text-slate-600 hover:bg-white hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-brand-500"
          onClick={onRemove}
          onKeyDown={(event) => {
            if (event.key === "Backspace" || event.key === "Delete") {
              event.preventDefault();
              onRemove();
              return;
            }
            onKeyDown?.(event);
          }}
        >
          <XIcon aria-hidden className="size-3" />
        </button>
      ) : null}
    </span>
  );
}

/** A mapped value shown, not edited (a dropdown's chosen value): its text and its pills, in one line. */
export function MappedValueLabel({
  segments,
  groups,
}: {
  segments: readonly TemplateSegment[];
  groups: readonly DataPickerGroup[];
}) {
  return (
    <span className="flex min-w-0 items-center gap-1 overflow-hidden">
      {segments.map((segment, index) =>
        segment.kind === "text" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity beyond their place
          <span key={index} className="shrink-0 whitespace-pre">
            {segment.text}
          </span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the same reference may appear twice
          <ReferencePill key={index} reference={describeReference(segment.path, groups)} />
        ),
      )}
    </span>
  );
}
