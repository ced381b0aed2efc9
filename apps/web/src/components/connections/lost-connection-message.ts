/**
 * What a flow whose connection no longer works says, on the flows list and in the editor:
 * "Xero connection disconnected — reconnect or choose another".
 */
export function lostConnectionMessage(providerTitle: string, status: "REVOKED" | "NEEDS_REAUTH"): string {
  const what = status === "REVOKED" ? "disconnected" : "needs reconnecting";
  return `${providerTitle} connection ${what} — reconnect or choose another`;
}
