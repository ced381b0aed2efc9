"use client";

import type { FlowStep } from "@ledgerflow/engine";
import { type FocusEvent, useState } from "react";

const isEmpty = (value: unknown) => value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

/**
 * Which of a step's field problems show. An empty field's problem ("… is required") waits until the
 * person has left that field, tested the step, or tried to switch on: a fresh step is not a page of
 * red. A field with a value shows its problem at once (a reference to a step that runs later).
 * Fields are found by their wrapper's `data-field` (the step input's name, or `connectionId`).
 */
export function useRevealedErrors(step: FlowStep, errors: ReadonlyMap<string, string>, revealAll: boolean) {
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [tested, setTested] = useState(false);

  const fieldValue = (name: string) =>
    name === "connectionId" ? step.connectionId : name === "action" ? step.action : step.input[name];
  const shown = new Map(
    [...errors].filter(([name]) => revealAll || tested || touched.has(name) || !isEmpty(fieldValue(name))),
  );

  const touchOnLeave = (event: FocusEvent<HTMLElement>) => {
    const field = event.target.closest<HTMLElement>("[data-field]");
    const name = field?.dataset.field;
    const into = event.relatedTarget instanceof HTMLElement ? event.relatedTarget : null;
    // Moving within the field, or into its dropdown or data picker (a popover), is not leaving it.
    if (!field || !name || (into && (field.contains(into) || into.closest("[data-radix-popper-content-wrapper]")))) {
      return;
    }
    setTouched((current) => (current.has(name) ? current : new Set(current).add(name)));
  };

  return { shown, touchOnLeave, markTested: () => setTested(true) };
}
