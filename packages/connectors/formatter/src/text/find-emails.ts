// Email addresses in free text, found without a regular expression run over the text: each "@" is
// widened to the address characters on its left and right. A character is read at most twice (as
// the right side of one "@" and the left side of the next), so the time is linear in the text,
// whatever it holds — no pattern of a user's, and none of ours that could backtrack.

const isLocalChar = (char: string) => /^[A-Za-z0-9._%+'-]$/.test(char);
const isDomainChar = (char: string) => /^[A-Za-z0-9.-]$/.test(char);
const isLabel = (label: string) => /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(label);

export function findEmails(text: string): string[] {
  const found: string[] = [];
  for (let at = text.indexOf("@"); at !== -1; at = text.indexOf("@", at + 1)) {
    let start = at;
    while (start > 0 && isLocalChar(text.charAt(start - 1))) start -= 1;
    let end = at + 1;
    while (end < text.length && isDomainChar(text.charAt(end))) end += 1;
    while (text.charAt(start) === "." && start < at) start += 1;
    // A sentence's full stop or a dash after the address is not part of it.
    while (end > at + 1 && (text.charAt(end - 1) === "." || text.charAt(end - 1) === "-")) end -= 1;
    const local = text.slice(start, at);
    const domain = text.slice(at + 1, end);
    if (local !== "" && local.length <= 64 && isDomain(domain)) found.push(`${local}@${domain}`);
  }
  return found;
}

/** At least two labels, the last of letters (a top-level domain): "example.co.nz". */
function isDomain(domain: string): boolean {
  const labels = domain.split(".");
  const top = labels.at(-1) ?? "";
  return labels.length >= 2 && labels.every(isLabel) && /^[A-Za-z]{2,63}$/.test(top);
}
