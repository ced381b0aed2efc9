"use client";

import type { DataPickerGroup } from "@ledgerflow/engine";
import { type KeyboardEvent, type Ref, useImperativeHandle, useLayoutEffect, useRef } from "react";
import { cn } from "../ui/class-names";
import type { FieldControlProps } from "../ui/field";
import { controlClassName, Input } from "../ui/input";
import { Textarea } from "../ui/textarea";
import { ReferencePill } from "./reference-pill";
import {
  describeReference,
  fromSegments,
  hasReferences,
  splitTail,
  toSegments,
  withoutSegment,
} from "./template-segments";

export interface MappedTextInputHandle {
  /** Puts a `{{…}}` reference where the caret is (at the end when the text box has never had focus). */
  insert: (reference: string) => void;
}

interface MappedTextInputProps {
  /** The Field's wiring, or an `aria-label` where the control has no visible label of its own. */
  control: FieldControlProps & { "aria-label"?: string };
  label: string;
  value: string;
  onChange: (value: string) => void;
  groups: readonly DataPickerGroup[];
  multiline: boolean;
  /** The raw `{{…}}` text in one box ("Edit as text"), instead of pills. */
  asText: boolean;
  readOnly: boolean;
  placeholder?: string;
  inputMode?: "decimal";
  handle?: Ref<MappedTextInputHandle>;
}

type PendingFocus = { pill: number; caret: number } | { caret: number };

/**
 * A text field whose mapped values are pills. Without references (or "Edit as text") it is a plain
 * box; with them, the text and pills before the last reference are drawn and the text after it is
 * typed in a box at the end, so typing (and typing `{{…}}`) works without contenteditable. Text
 * between pills is edited as text. Backspace at the box's start removes the pill before it; arrows
 * move between the box and the pills' × buttons, and Backspace or Delete on a × removes its pill.
 */
export function MappedTextInput(props: MappedTextInputProps) {
  const { control, label, value, onChange, groups, multiline, asText, readOnly, placeholder, inputMode } = props;
  const textRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const pillRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const pendingFocus = useRef<PendingFocus | null>(null);

  const segments = toSegments(value);
  const pills = !asText && hasReferences(segments);
  // What the text box holds, and the text before it (drawn as text and pills).
  const { head, tail } = pills ? splitTail(value) : { head: "", tail: value };

  // A change that moves text between the box and the pills (a `}}` typed, a pill removed) re-renders
  // the box: the caret is put back where the person was typing.
  useLayoutEffect(() => {
    const focus = pendingFocus.current;
    pendingFocus.current = null;
    if (!focus) return;
    const pill = "pill" in focus ? pillRefs.current[focus.pill] : undefined;
    if (pill) return pill.focus();
    textRef.current?.focus();
    textRef.current?.setSelectionRange(focus.caret, focus.caret);
  });

  /** `caret`: where the caret belongs in the next value, as an offset into the whole text. */
  const change = (next: string, caret: number, pill?: number) => {
    const nextHead = !asText && hasReferences(toSegments(next)) ? splitTail(next).head : "";
    const caretInBox = Math.max(0, caret - nextHead.length);
    const typing = document.activeElement === textRef.current;
    if (pill !== undefined) pendingFocus.current = { pill, caret: caretInBox };
    else if (typing && nextHead !== head) pendingFocus.current = { caret: caretInBox };
    onChange(next);
  };

  useImperativeHandle(props.handle, () => ({
    insert(reference) {
      const box = textRef.current;
      const start = box?.selectionStart ?? tail.length;
      const end = box?.selectionEnd ?? tail.length;
      change(head + tail.slice(0, start) + reference + tail.slice(end), head.length + start + reference.length);
    },
  }));

  const boxProps = {
    ...control,
    ref: textRef,
    readOnly,
    value: tail,
    inputMode,
    onChange: (event: { target: { value: string; selectionStart: number | null } }) =>
      change(head + event.target.value, head.length + (event.target.selectionStart ?? event.target.value.length)),
  };

  if (!pills) {
    return multiline ? (
      <Textarea {...boxProps} rows={2} placeholder={placeholder} />
    ) : (
      <Input {...boxProps} placeholder={placeholder} />
    );
  }

  const referenceIndices = segments.flatMap((segment, index) => (segment.kind === "reference" ? [index] : []));
  const tailIndex = segments.at(-1)?.kind === "text" ? segments.length - 1 : -1;
  const offsetOf = (index: number) => fromSegments(segments.slice(0, index)).length;

  const removePill = (ordinal: number, focusNextPill: boolean) => {
    const index = referenceIndices[ordinal] ?? -1;
    const next = withoutSegment(value, index);
    change(next, offsetOf(index), focusNextPill ? ordinal : undefined);
  };

  const moveFrom = (ordinal: number) => (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === "ArrowLeft") pillRefs.current[ordinal - 1]?.focus();
    else if (event.key === "ArrowRight") {
      const next = pillRefs.current[ordinal + 1];
      if (next) next.focus();
      else {
        textRef.current?.focus();
        textRef.current?.setSelectionRange(0, 0);
      }
    } else return;
    event.preventDefault();
  };

  const onBoxKeyDown = (event: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const box = event.currentTarget;
    if (readOnly || box.selectionStart !== 0 || box.selectionEnd !== 0) return;
    const last = referenceIndices.length - 1;
    // Only a pill right before the box: text between them is the person's to delete.
    if (event.key === "Backspace" && referenceIndices[last] === segments.length - (tailIndex === -1 ? 1 : 2)) {
      event.preventDefault();
      removePill(last, false);
    } else if (event.key === "ArrowLeft" && pillRefs.current[last]) {
      event.preventDefault();
      pillRefs.current[last]?.focus();
    }
  };

  pillRefs.current = [];
  const spoken = segments
    .map((segment) => (segment.kind === "text" ? segment.text : describeReference(segment.path, groups).spoken))
    .join("");
  const summaryId = `${control.id}-mapped`;

  return (
    <div
      role="group"
      aria-label={label}
      className={cn(
        controlClassName,
        // The group shows the focus ring: the box inside it is only where typing goes.
        "flex min-h-9 flex-wrap items-center gap-1 py-1 focus-within:border-brand-500 focus-within:outline-2 focus-within:outline-offset-0 focus-within:outline-brand-500/30",
        control["aria-invalid"] && "border-red-500",
      )}
    >
      {segments.map((segment, index) => {
        if (index === tailIndex) return null;
        if (segment.kind === "text") {
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity beyond their place
            <span key={index} className="whitespace-pre-wrap break-words">
              {segment.text}
            </span>
          );
        }
        const ordinal = referenceIndices.indexOf(index);
        return (
          <ReferencePill
            // biome-ignore lint/suspicious/noArrayIndexKey: the same reference may appear twice
            key={index}
            reference={describeReference(segment.path, groups)}
            onRemove={readOnly ? undefined : () => removePill(ordinal, true)}
            onKeyDown={moveFrom(ordinal)}
            removeRef={(element) => {
              pillRefs.current[ordinal] = element;
            }}
          />
        );
      })}
      {/* Read with the field: what it holds in words, as the pills say it. */}
      <span id={summaryId} hidden>
        {`Mapped: ${spoken}`}
      </span>
      {multiline ? (
        <textarea
          {...boxProps}
          rows={1}
          aria-describedby={[summaryId, control["aria-describedby"]].filter(Boolean).join(" ")}
          onKeyDown={onBoxKeyDown}
          className="field-sizing-content min-w-12 flex-1 resize-none bg-transparent py-0.5 outline-none focus-visible:outline-none"
        />
      ) : (
        <input
          {...boxProps}
          aria-describedby={[summaryId, control["aria-describedby"]].filter(Boolean).join(" ")}
          onKeyDown={onBoxKeyDown}
          className="h-7 min-w-12 flex-1 bg-transparent outline-none focus-visible:outline-none"
        />
      )}
    </div>
  );
}
