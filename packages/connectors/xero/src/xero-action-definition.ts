import {
  type ActionDeclaration,
  type ActionDefinition,
  defineAction,
  type Fields,
  type InputOf,
} from "@ledgerflow/engine";
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

/**
 * Declares a Xero catalog entry from its fields (`field.text(…)`, …): the engine's `defineAction`
 * with the Xero client and the scopes the entry needs.
 */
export function defineXeroAction<F extends Fields, TOutput>(
  declaration: ActionDeclaration<XeroClientContext, F, TOutput> & { scopes: XeroScopes },
): XeroActionDefinition<InputOf<F>, TOutput> {
  return { ...defineAction(declaration), scopes: declaration.scopes };
}
