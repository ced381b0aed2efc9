"use client";

import type { SelectOption } from "@ledgerflow/engine";
import { useEffect, useState } from "react";
import { loadFieldOptionsAction } from "@/server/flows/load-field-options-action";

interface FieldOptionsState {
  options: SelectOption[];
  loading: boolean;
  error: string | null;
}

/**
 * A Xero-backed dropdown's options. Reloads when the connection or the fields it depends on
 * change; a new `refreshToken` ("Refresh fields") reloads from Xero, bypassing the cache.
 */
export function useFieldOptions(
  loader: string | undefined,
  connectionId: string | undefined,
  dependsOn: Record<string, unknown>,
  refreshToken: number,
): FieldOptionsState {
  const [state, setState] = useState<FieldOptionsState>({ options: [], loading: false, error: null });
  const dependsOnKey = JSON.stringify(dependsOn);

  useEffect(() => {
    if (!loader || !connectionId) {
      setState({ options: [], loading: false, error: null });
      return;
    }
    let cancelled = false;
    setState((current) => ({ ...current, loading: true, error: null }));
    loadFieldOptionsAction({
      loader,
      connectionId,
      dependsOn: JSON.parse(dependsOnKey) as Record<string, unknown>,
      refresh: refreshToken > 0,
    }).then(
      (result) => {
        if (cancelled) return;
        setState(
          result.ok
            ? { options: result.data, loading: false, error: null }
            : { options: [], loading: false, error: result.error },
        );
      },
      () => !cancelled && setState({ options: [], loading: false, error: "Could not load the choices from Xero." }),
    );
    return () => {
      cancelled = true;
    };
  }, [loader, connectionId, dependsOnKey, refreshToken]);

  return state;
}
