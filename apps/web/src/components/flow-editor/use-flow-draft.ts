"use client";

import type { FlowDefinition } from "@ledgerflow/engine";
import { useCallback, useEffect, useRef, useState } from "react";
import { saveFlowDraftAction } from "@/server/flows/save-flow-draft-action";

export type SaveStatus =
  | { state: "saved"; at?: Date }
  | { state: "pending" }
  | { state: "saving" }
  | { state: "error"; message: string };

const AUTOSAVE_DELAY_MS = 700;
const pendingKey = (flowId: string) => `ledgerflow:draft:${flowId}`;

/**
 * The editor's draft with autosave. Every change is written to localStorage at once and to the
 * server after a short pause; the local copy is dropped once the server has it. If the tab closes
 * before that, the next visit restores the local copy and saves it, so no edit is ever lost.
 */
export function useFlowDraft(flowId: string, initial: FlowDefinition, readOnly: boolean) {
  const [draft, setDraft] = useState(initial);
  const [status, setStatus] = useState<SaveStatus>({ state: "saved" });
  const latest = useRef(initial);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const dirty = useRef(false);

  const save = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    // One save at a time, in order: wait for the running one, then send what is newest.
    while (inFlight.current) await inFlight.current;
    if (!dirty.current) return true;
    dirty.current = false;
    const sent = latest.current;
    setStatus({ state: "saving" });
    const request = saveFlowDraftAction({ flowId, draft: sent })
      .then((result) => {
        if (!result.ok) {
          dirty.current = true;
          setStatus({ state: "error", message: result.error });
          return false;
        }
        if (latest.current === sent) {
          window.localStorage.removeItem(pendingKey(flowId));
          setStatus({ state: "saved", at: new Date() });
        }
        return true;
      })
      .catch(() => {
        dirty.current = true;
        setStatus({ state: "error", message: "Could not reach the server; your changes are kept in this browser." });
        return false;
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = request;
    return request;
  }, [flowId]);

  const update = useCallback(
    (change: (current: FlowDefinition) => FlowDefinition) => {
      if (readOnly) return;
      const next = change(latest.current);
      latest.current = next;
      dirty.current = true;
      setDraft(next);
      setStatus({ state: "pending" });
      window.localStorage.setItem(pendingKey(flowId), JSON.stringify(next));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
    },
    [flowId, readOnly, save],
  );

  // Restore edits a closed tab did not get to save.
  useEffect(() => {
    if (readOnly) return;
    const stored = window.localStorage.getItem(pendingKey(flowId));
    if (!stored) return;
    try {
      const restored = JSON.parse(stored) as FlowDefinition;
      update(() => restored);
    } catch {
      window.localStorage.removeItem(pendingKey(flowId));
    }
  }, [flowId, readOnly, update]);

  // Leaving with a save still due: send it now, and ask the browser to warn while it is unsent.
  useEffect(() => {
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirty.current) return;
      void save();
      event.preventDefault();
    };
    window.addEventListener("beforeunload", beforeUnload);
    return () => window.removeEventListener("beforeunload", beforeUnload);
  }, [save]);

  return { draft, update, status, flush: save };
}
