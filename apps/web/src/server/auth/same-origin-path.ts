/**
 * Where to send the browser after signing in: the path, query and hash of `target` when it points at
 * `origin`, otherwise null. The target is parsed as a browser parses it, because a check on the raw
 * text is not enough: "/\evil.example" and "/<tab>/evil.example" are other hosts to a browser, and
 * "/.//evil.example" resolves to the path "//evil.example", which a browser reads as a host too.
 * Works on the server and in the browser.
 */
export function sameOriginPath(target: string | null | undefined, origin: string): string | null {
  if (!target) return null;
  let url: URL;
  try {
    url = new URL(target, origin);
  } catch {
    return null;
  }
  if (url.origin !== new URL(origin).origin || url.pathname.startsWith("//")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
