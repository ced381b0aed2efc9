// The page Xero's callback answers with when it cannot complete (bad state, no permission): a real
// HTTP error status with a readable explanation and a way back. Plain HTML, since it is a
// top-level navigation from Xero and no app state is needed.

const escapes: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => escapes[character] ?? character);

export function oauthErrorPage(status: number, message: string): Response {
  const body = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Xero connection not completed · Ledgerflow</title>
  <style>
    body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; background: #f8fafc; color: #0f172a; }
    main { max-width: 32rem; margin: 4rem auto; background: #fff; border: 1px solid #e2e8f0; border-radius: 12px; padding: 2rem; }
    h1 { font-size: 1.25rem; margin: 0 0 0.75rem; }
    a { color: #125c46; font-weight: 600; }
  </style>
</head>
<body>
  <main>
    <h1>Xero was not connected</h1>
    <p role="alert">${escapeHtml(message)}</p>
    <p><a href="/connections">Back to Connections</a></p>
  </main>
</body>
</html>`;
  return new Response(body, {
    status,
    headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
  });
}
