// Resolves a URL's host once and checks every address it resolves to; the request then connects to
// exactly those addresses (pinned-lookup.ts), so a DNS answer that changes between the check and the
// connection (DNS rebinding) cannot move the request onto a private network.
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { StepError } from "@ledgerflow/engine";
import { ALLOW_PRIVATE_NETWORKS_VAR } from "../http-env";
import { hostAddress, RANGE_WORDS, type RefusedRange, refusedRange } from "./address-policy";

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

export interface ResolveOptions {
  allowPrivate: boolean;
  /** Addresses allowed even when private networks are not (a test's own server on 127.0.0.1). */
  allowedAddresses?: ReadonlySet<string>;
  /** How the refusal names the URL: "" for the step's own, "the redirect to " for a hop. */
  what?: string;
  signal?: AbortSignal;
}

/** "localhost" and its subdomains are loopback by definition (RFC 6761), whatever DNS says. */
const isLocalhostName = (host: string) => host === "localhost" || host.endsWith(".localhost");

export function refusal(url: URL, address: string, range: RefusedRange, what = ""): StepError {
  return new StepError(
    `${what}"${url.href}" resolves to ${address}, ${RANGE_WORDS[range]}: requests to private networks are refused ` +
      `unless ${ALLOW_PRIVATE_NETWORKS_VAR}=true`,
    {
      code: "http_address_refused",
      field: what ? undefined : "url",
      details: { url: url.href, address, range, setting: ALLOW_PRIVATE_NETWORKS_VAR },
    },
  );
}

/** Every address the URL's host resolves to, all of them allowed, or the StepError that refuses one. */
export async function resolveTarget(url: URL, options: ResolveOptions): Promise<ResolvedAddress[]> {
  const host = hostAddress(url.hostname).toLowerCase();
  const what = options.what ?? "";
  if (!options.allowPrivate && isLocalhostName(host)) throw refusal(url, host, "loopback", what);

  const family = isIP(host);
  const addresses: ResolvedAddress[] =
    family === 4 || family === 6 ? [{ address: host, family }] : await lookupAll(url, host);
  options.signal?.throwIfAborted();
  if (!options.allowPrivate) {
    for (const { address } of addresses) {
      if (options.allowedAddresses?.has(address)) continue;
      const range = refusedRange(address);
      if (range) throw refusal(url, address, range, what);
    }
  }
  return addresses;
}

async function lookupAll(url: URL, host: string): Promise<ResolvedAddress[]> {
  try {
    const found = await lookup(host, { all: true, verbatim: true });
    if (found.length === 0) throw Object.assign(new Error("no addresses"), { code: "ENOTFOUND" });
    return found.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
  } catch (error) {
    const code = (error as { code?: string }).code;
    // No such name is the URL's fault; a DNS server not answering may pass.
    const permanent = code === "ENOTFOUND" || code === "ENODATA";
    throw new StepError(
      permanent
        ? `"${url.host}" is not a known host name (DNS found no address for it): check the URL.`
        : `The address of "${url.host}" could not be looked up (${code ?? "DNS error"}); the step will be retried.`,
      {
        code: permanent ? "invalid_input" : "http_network",
        retryable: !permanent,
        field: permanent ? "url" : undefined,
        details: { url: url.href, dns: code },
        cause: error,
      },
    );
  }
}
