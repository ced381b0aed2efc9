// Web addresses in free text: each "http://" or "https://" and what follows it up to a blank or a
// character no address contains, less the punctuation a sentence puts after it ("see https://x.co.").
// One pass over the text: the scheme is a fixed string, and each address is read once.

const SCHEME = /https?:\/\//gi;
const ENDS_ADDRESS = /^[\s<>"'`{}|\\^]$/u;
const TRAILING_PUNCTUATION = /^[.,;:!?]$/;

export function findUrls(text: string): string[] {
  const found: string[] = [];
  let readUpTo = 0;
  for (const match of text.matchAll(SCHEME)) {
    // "https://a.co/?next=https://b.co" is one address.
    if (match.index < readUpTo) continue;
    let end = match.index + match[0].length;
    while (end < text.length && !ENDS_ADDRESS.test(text.charAt(end))) end += 1;
    readUpTo = end;
    const candidate = withoutTrailingPunctuation(text.slice(match.index, end));
    if (isWebAddress(candidate)) found.push(candidate);
  }
  return found;
}

/** "(see https://x.co/a)" ends before the ")" it did not open; "https://x.co/a_(b)" keeps its own. */
function withoutTrailingPunctuation(address: string): string {
  let opened = 0;
  let closed = 0;
  for (const char of address) {
    if (char === "(") opened += 1;
    else if (char === ")") closed += 1;
  }
  let end = address.length;
  for (;;) {
    const last = address.charAt(end - 1);
    if (last === ")" && closed > opened) closed -= 1;
    else if (!TRAILING_PUNCTUATION.test(last)) return address.slice(0, end);
    end -= 1;
  }
}

function isWebAddress(candidate: string): boolean {
  try {
    return new URL(candidate).hostname.includes(".");
  } catch {
    return false;
  }
}
