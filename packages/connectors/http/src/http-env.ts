// The HTTP step's one setting, read from the environment at every request (an operator's change
// needs no restart of its own reading, and tests set it per test).

export const ALLOW_PRIVATE_NETWORKS_VAR = "HTTP_ALLOW_PRIVATE_NETWORKS";

/**
 * Whether HTTP steps may reach loopback, private, link-local and reserved addresses: only when set
 * to "true" (or "1"). Development and tests set it; production leaves it unset. Anything else —
 * unset, "false", a typo — keeps the safe default, and the refusal names the variable.
 */
export function allowPrivateNetworks(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env[ALLOW_PRIVATE_NETWORKS_VAR]?.trim().toLowerCase();
  return value === "true" || value === "1";
}
