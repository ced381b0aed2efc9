// Which addresses an HTTP step may connect to. Safe by default: only public unicast addresses, so a
// flow cannot be pointed at the server's own network (its database, Redis, an admin page) or at a
// cloud's metadata service (169.254.169.254, which hands out the machine's credentials). The ranges
// are ipaddr.js's, IPv6 addresses that carry an IPv4 one (::ffff:10.0.0.1, 64:ff9b::a00:1, 2002::/16)
// are judged by the IPv4 address inside.
import ipaddr from "ipaddr.js";

/** Why an address is refused, in the words of the refusal ("a loopback address"). */
export type RefusedRange = "loopback" | "private" | "link-local" | "metadata" | "unspecified" | "reserved";

export const RANGE_WORDS: Record<RefusedRange, string> = {
  loopback: "a loopback address",
  private: "a private address",
  "link-local": "a link-local address",
  metadata: "the cloud metadata address (link-local)",
  unspecified: "an unspecified address",
  reserved: "a reserved or special-purpose address",
};

/** The address clouds serve instance metadata and credentials on (AWS, GCP, Azure, …). */
const METADATA_ADDRESSES = new Set(["169.254.169.254", "fd00:ec2::254"]);

const IPV4_RANGES: Readonly<Record<string, RefusedRange | null>> = {
  unicast: null,
  loopback: "loopback",
  private: "private",
  carrierGradeNat: "private",
  linkLocal: "link-local",
  unspecified: "unspecified",
};

const IPV6_RANGES: Readonly<Record<string, RefusedRange | null>> = {
  unicast: null,
  loopback: "loopback",
  uniqueLocal: "private",
  linkLocal: "link-local",
  unspecified: "unspecified",
};

/** IPv6 ranges whose last 32 bits are an IPv4 address (mapped, translated, NAT64). */
const EMBEDDING_LAST_32_BITS = new Set(["ipv4Mapped", "rfc6145", "rfc6052"]);

/** The refused range an address is in, or null when it is a public unicast address. */
export function refusedRange(address: string): RefusedRange | null {
  if (!ipaddr.isValid(address)) return "reserved";
  const parsed = ipaddr.parse(address);
  if (METADATA_ADDRESSES.has(parsed.toNormalizedString()) || METADATA_ADDRESSES.has(parsed.toString())) {
    return "metadata";
  }
  if (parsed.kind() === "ipv4") {
    const range = (parsed as ipaddr.IPv4).range();
    return Object.hasOwn(IPV4_RANGES, range) ? (IPV4_RANGES[range] ?? null) : "reserved";
  }
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  const embedded = embeddedIPv4(v6, range);
  if (embedded) return refusedRange(embedded);
  return Object.hasOwn(IPV6_RANGES, range) ? (IPV6_RANGES[range] ?? null) : "reserved";
}

function embeddedIPv4(address: ipaddr.IPv6, range: string): string | undefined {
  const parts = address.parts;
  const [high, low] = EMBEDDING_LAST_32_BITS.has(range)
    ? [parts[6], parts[7]]
    : range === "6to4"
      ? [parts[1], parts[2]]
      : [];
  if (high === undefined || low === undefined) return undefined;
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join(".");
}

/** The address as the URL's host names it: "[::1]" is "::1". */
export function hostAddress(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}
