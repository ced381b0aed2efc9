"use client";

import type { FlowDefinition } from "@ledgerflow/engine";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { readFlowSwitchAction } from "@/server/flows/read-flow-switch-action";

interface RenderedFlow {
  enabled: boolean;
  /** When the flow had last changed as of this render (ISO). */
  updatedAt: string;
  published: FlowDefinition | null;
}

/**
 * The editor's view of whether the flow is on and what its runs use. The page's render can be older
 * than the truth: a switch flipped in the flows list just before the editor opened (its action may
 * still be on its way), the browser's Back button (which shows the render the router kept), or
 * another tab. So the server is asked once the editor is open — server actions run one after
 * another, so this waits for a switch still on its way — and whenever the tab comes back into view.
 * Opening on a render older than the flow reloads it (the page keys the editor by `updatedAt`, so it
 * starts afresh: a stale draft must never be autosaved over a newer one); coming back only takes the
 * switch's state, since the editor's own saves change `updatedAt` too. A switch here reports the
 * server's answer through `setEnabled`.
 */
export function useFlowSwitch(flowId: string, rendered: RenderedFlow) {
  const router = useRouter();
  const [enabled, setEnabled] = useState(rendered.enabled);
  // What runs use now; replaced by the draft whenever it is published (switch on, "Publish changes").
  const [published, setPublished] = useState(rendered.published);

  const reread = useCallback(
    async (opening: boolean) => {
      const result = await readFlowSwitchAction({ flowId });
      if (!result.ok) return;
      if (opening && new Date(result.data.updatedAt).toISOString() !== rendered.updatedAt) {
        router.refresh();
        return;
      }
      setEnabled(result.data.enabled);
      setPublished(result.data.published?.definition ?? null);
    },
    [flowId, rendered.updatedAt, router],
  );

  useEffect(() => {
    void reread(true);
    const onVisible = () => document.visibilityState === "visible" && void reread(false);
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("focus", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("focus", onVisible);
    };
  }, [reread]);

  return { enabled, setEnabled, published, setPublished };
}
