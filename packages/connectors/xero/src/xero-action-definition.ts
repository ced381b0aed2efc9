import type { ActionDefinition } from "@ledgerflow/engine";
import type { XeroClientContext } from "./xero-client-context";

/**
 * The Xero scopes an action needs, in both of Xero's naming schemes: the classic scopes
 * (`accounting.transactions`) of apps created before March 2026 and the granular ones
 * (`accounting.invoices`, `accounting.payments`) that newer apps must use.
 */
export interface XeroScopes {
  classic: string[];
  granular: string[];
}

export type XeroActionDefinition<TInput = Record<string, unknown>, TOutput = unknown> = ActionDefinition<
  XeroClientContext,
  TInput,
  TOutput
> & { scopes: XeroScopes };

/** Declares a catalog entry with its input and output types checked against the contract. */
export function defineXeroAction<TInput, TOutput>(
  definition: XeroActionDefinition<TInput, TOutput>,
): XeroActionDefinition<TInput, TOutput> {
  return definition;
}
