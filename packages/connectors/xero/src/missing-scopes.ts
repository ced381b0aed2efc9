import type { XeroActionDefinition } from "./xero-action-definition";

/** Scopes only the classic scheme has: a connection granted any of them speaks classic. */
const CLASSIC_ONLY = /^accounting\.(transactions|reports\.read)(\.read)?$/;

/** `accounting.contacts` also grants what `accounting.contacts.read` does. */
function isGranted(scope: string, granted: Set<string>): boolean {
  return granted.has(scope) || (scope.endsWith(".read") && granted.has(scope.slice(0, -".read".length)));
}

/**
 * The scopes a connection lacks for an action, named in the scheme the connection was granted in
 * (classic or granular), so "Reconnect" can ask for exactly those. Empty when the action can run.
 */
export function missingScopes(action: Pick<XeroActionDefinition, "scopes">, grantedScopes: Iterable<string>): string[] {
  const granted = new Set(grantedScopes);
  const missingClassic = action.scopes.classic.filter((scope) => !isGranted(scope, granted));
  const missingGranular = action.scopes.granular.filter((scope) => !isGranted(scope, granted));
  if (missingClassic.length === 0 || missingGranular.length === 0) return [];
  const speaksClassic = [...granted].some((scope) => CLASSIC_ONLY.test(scope));
  return speaksClassic ? missingClassic : missingGranular;
}
