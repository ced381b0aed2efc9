"use client";

import type { FlowDefinition } from "@ledgerflow/engine";
import { useCallback, useEffect, useState } from "react";
import { readFlowSwitchAction } from "@/server/flows/read-flow-switch-action";

/**
 * The editor's view of whether the flow is on and what its runs use. The page's render can be older
 * than the truth: a switch flipped in the flows list just before the editor opened (its action may
 * still be on its way), or in another tab. So the server is asked again once the editor is open and
 * whenever the tab comes back into view; a switch here reports the server's answer through `set`.
 */
export function useFlowSwitch(flowId: string, initial: { enabled: boolean; published: FlowDefinition | null }) {
  const [enabled, setEnabled] = useState(initial.enabled);
  // What runs use now; replaced by the draft whenever it is published (switch on, "Publish changes").
  const [published, setPublished] = useState(initial.published);

  const reread = useCallback(async () => {
    const result = await readFlowSwitchAction({ flowId });
    if (!result.ok) return;
    setEnabled(result.data.enabled);
    setPublished(result.data.published?.definition ?? null);
  }, [flowId]);

  useEffect(() => {
    // Server actions run one after another: this read waits for a switch still on its way.
    void reread();
    const onVisible = () => document.visibilityState === "visible" && void reread();
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("focus", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("focus", onVisible);
    };
  }, [reread]);

  return { enabled, setEnabled, published, setPublished };
}
