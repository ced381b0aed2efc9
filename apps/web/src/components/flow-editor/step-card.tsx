"use client";

import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import type { FlowStep } from "@ledgerflow/engine";
import {
  AlertCircleIcon,
  ArrowDownIcon,
  ArrowUpIcon,
  CheckCircle2Icon,
  GripVerticalIcon,
  RotateCcwIcon,
  Trash2Icon,
} from "lucide-react";
import { LostConnectionBadge } from "../connections/lost-connection-badge";
import { Button } from "../ui/button";
import { cn } from "../ui/class-names";
import type { CatalogEntry, ConnectionChoice, StepSampleView } from "./editor-types";
import { useTestState } from "./test-state";
import { ToFix } from "./to-fix";

interface StepCardProps {
  step: FlowStep;
  /** Its number in the whole flow, depth-first (as run history numbers it). */
  number: number;
  /** Where it is in its own list of steps (the main line's or a path's), and how many that list moves among. */
  position: number;
  count: number;
  action: CatalogEntry | undefined;
  connection: ConnectionChoice | undefined;
  sample: StepSampleView | undefined;
  problemCount: number;
  readOnly: boolean;
  onOpen: () => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One action step in its list (the main line or a path): drag it, or move it with the buttons (keyboard). */
export function StepCard(props: StepCardProps) {
  const { step, number, position, count, action, connection, sample, problemCount, readOnly } = props;
  const { onOpen, onMove, onRemove } = props;
  const sortable = useSortable({ id: step.key, disabled: readOnly });
  const title = action?.title ?? step.action;
  const label = `Step ${number}: ${title}`;
  // A test of the step as it was, not as it is: "Tested" would mislead (test-staleness.ts).
  const stale = useTestState()?.staleness.get(step.key);

  return (
    <li
      ref={sortable.setNodeRef}
      style={{ transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition }}
      aria-label={label}
      className={cn(
        "group relative flex items-stretch rounded-xl border bg-white shadow-xs transition-shadow",
        sortable.isDragging ? "z-10 border-brand-500 shadow-lg" : "border-slate-200 hover:border-slate-300",
      )}
    >
      {readOnly ? null : (
        <button
          type="button"
          className="flex w-7 shrink-0 cursor-grab items-center justify-center rounded-l-xl text-slate-500 hover:bg-slate-50 hover:text-slate-700 active:cursor-grabbing"
          aria-label={`Drag to reorder ${label}`}
          {...sortable.attributes}
          {...sortable.listeners}
        >
          <GripVerticalIcon className="size-4" />
        </button>
      )}
      <button
        type="button"
        onClick={onOpen}
        aria-label={`Open ${label}`}
        className={cn("flex min-w-0 flex-1 items-start gap-3 py-3.5 pr-2 text-left", readOnly && "pl-4")}
      >
        <span className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-lg bg-sky-50 text-xs font-semibold text-sky-700 ring-1 ring-sky-100">
          {number}
        </span>
        {/* On a phone the buttons leave the text little room: it wraps (a key breaks anywhere) rather than run under them or be cut. */}
        <span className="flex min-w-0 flex-1 flex-col gap-0.5">
          <span className="text-xs font-medium text-slate-500">{action?.group ?? "Action"}</span>
          <span className="text-sm font-medium break-words text-slate-900 sm:truncate">{title}</span>
          <span className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
            <span className="max-w-full font-mono break-all sm:truncate">steps.{step.key}</span>
            {connection ? <span>{connection.name}</span> : null}
            <LostConnectionBadge connection={connection} />
            {problemCount > 0 ? (
              <ToFix count={problemCount} />
            ) : sample && !sample.error && stale ? (
              <span className="inline-flex items-center gap-1 text-amber-800" title={stale.message}>
                <RotateCcwIcon aria-hidden className="size-3.5" />
                Test out of date
              </span>
            ) : sample && !sample.error ? (
              <span className="inline-flex items-center gap-1 text-emerald-700">
                <CheckCircle2Icon aria-hidden className="size-3.5" />
                Tested
              </span>
            ) : sample?.error ? (
              <span className="inline-flex items-center gap-1 text-red-700">
                <AlertCircleIcon aria-hidden className="size-3.5" />
                Test failed
              </span>
            ) : null}
          </span>
        </span>
      </button>
      {readOnly ? null : (
        <div className="flex shrink-0 items-center gap-0.5 pr-2">
          <Button
            variant="ghost"
            size="icon"
            aria-label={`Move ${label} up`}
            disabled={position === 0}
            onClick={() => onMove(position - 1)}
          >
            <ArrowUpIcon />
          </Button>
          <Button
            variant="ghost"
            size="icon"
            aria-label={`Move ${label} down`}
            disabled={position >= count - 1}
            onClick={() => onMove(position + 1)}
          >
            <ArrowDownIcon />
          </Button>
          <Button variant="ghost" size="icon" aria-label={`Remove ${label}`} onClick={onRemove}>
            <Trash2Icon />
          </Button>
        </div>
      )}
    </li>
  );
}
