import { html, SafeHtml } from "../http/html";
import type { AuthorizationRequest } from "./authorization-request";
import type { SandboxUser } from "./identity-store";
import { describeScope, needsTenants } from "./scopes";

// The consent page of the sandbox's authorize endpoint: sign in, pick organisations, allow or
// deny. Plain server-rendered HTML with real labels, so it reads well and a browser test can
// drive it by role and label.

/** A constant of ours, so it is trusted as-is (escaping would break its quoted selectors). */
const STYLES = new SafeHtml(`
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { margin: 0; background: #f3f5f7; color: #1f2933; }
  main { max-width: 32rem; margin: 3rem auto; background: #fff; border-radius: 12px; padding: 2rem;
         box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
  h1 { font-size: 1.35rem; margin: 0 0 0.25rem; }
  .badge { display: inline-block; font-size: 0.75rem; background: #13b5ea; color: #fff; border-radius: 999px;
           padding: 0.1rem 0.6rem; margin-bottom: 1rem; }
  fieldset { border: 1px solid #d9e2ec; border-radius: 8px; margin: 1.25rem 0; padding: 0.75rem 1rem; }
  legend { font-weight: 600; padding: 0 0.25rem; }
  label { display: block; margin: 0.4rem 0; }
  input[type="email"] { width: 100%; box-sizing: border-box; padding: 0.55rem; font: inherit;
                        border: 1px solid #9fb3c8; border-radius: 6px; }
  ul { margin: 0.25rem 0 0; padding-left: 1.25rem; }
  .hint { color: #52606d; font-size: 0.875rem; }
  .error { background: #ffe3e3; color: #8a1c1c; border-radius: 6px; padding: 0.6rem 0.8rem; }
  .actions { display: flex; gap: 0.75rem; justify-content: flex-end; margin-top: 1.5rem; }
  button { font: inherit; padding: 0.6rem 1.2rem; border-radius: 6px; border: 1px solid #9fb3c8;
           background: #fff; cursor: pointer; }
  button[value="allow"] { background: #0b7bb5; border-color: #0b7bb5; color: #fff; }
  button:focus-visible, input:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
`);

function page(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title} · Xero sandbox</title>
    <style>${STYLES}</style>
  </head>
  <body>
    <main>
      <span class="badge">Xero sandbox</span>
      ${body}
    </main>
  </body>
</html>`.value;
}

export interface ConsentPageInput {
  request: AuthorizationRequest;
  organisations: { tenantId: string; name: string }[];
  demoUsers: readonly SandboxUser[];
  email?: string;
  checkedTenantIds?: string[];
  error?: string;
}

export function renderConsentPage(input: ConsentPageInput): string {
  const { request } = input;
  const hidden = Object.entries(request.params)
    .filter((entry): entry is [string, string] => typeof entry[1] === "string")
    .map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}" />`);
  const checked = new Set(input.checkedTenantIds ?? input.organisations.slice(0, 1).map((org) => org.tenantId));

  return page(
    "Allow access",
    html`
      <h1>${request.client.clientId} wants to access your Xero data</h1>
      <p class="hint">This is a local stand-in for Xero's login. No real Xero account is used.</p>
      ${input.error ? html`<p class="error" role="alert">${input.error}</p>` : ""}
      <form method="post" action="/identity/connect/authorize">
        ${hidden}
        <fieldset>
          <legend>Sign in</legend>
          <label for="email">Email address</label>
          <input id="email" name="email" type="email" required autocomplete="email" list="demo-users"
                 value="${input.email ?? input.demoUsers[0]?.email ?? ""}" />
          <datalist id="demo-users">
            ${input.demoUsers.map((user) => html`<option value="${user.email}">${user.givenName} ${user.familyName}</option>`)}
          </datalist>
          <p class="hint">Use a demo user or any email address.</p>
        </fieldset>
        ${
          needsTenants(request.scopes)
            ? html`<fieldset>
          <legend>Organisations to connect</legend>
          ${input.organisations.map(
            (org) => html`<label><input type="checkbox" name="tenantIds" value="${org.tenantId}"
              ${checked.has(org.tenantId) ? html`checked` : ""} /> ${org.name}</label>`,
          )}
        </fieldset>`
            : ""
        }
        <fieldset>
          <legend>The app will be able to</legend>
          <ul>${request.scopes.map((scope) => html`<li>${describeScope(scope)} <span class="hint">(${scope})</span></li>`)}</ul>
        </fieldset>
        <div class="actions">
          <button type="submit" name="decision" value="deny" formnovalidate>Deny</button>
          <button type="submit" name="decision" value="allow">Allow access</button>
        </div>
      </form>`,
  );
}

/** Shown instead of a redirect when the app's redirect URI cannot be trusted. */
export function renderErrorPage(message: string): string {
  return page(
    "Something went wrong",
    html`<h1>This app's request can't be completed</h1><p class="error" role="alert">${message}</p>`,
  );
}
