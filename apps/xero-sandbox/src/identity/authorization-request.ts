import { z } from "zod";
import type { SandboxClient, SandboxConfig } from "../config";
import { parseScopes } from "./scopes";

// Checks an authorize request the way Xero's identity service does. Until client_id and
// redirect_uri are known to belong together, nothing may be sent to the redirect URI (an open
// redirector otherwise), so those failures become an error page; later ones go back to the app.

const optionalText = z.string().optional();

export const authorizationParamsSchema = z.object({
  client_id: optionalText,
  redirect_uri: optionalText,
  response_type: optionalText,
  scope: optionalText,
  state: optionalText,
  nonce: optionalText,
  code_challenge: optionalText,
  code_challenge_method: optionalText,
});

export type AuthorizationParams = z.infer<typeof authorizationParamsSchema>;

export interface AuthorizationRequest {
  client: SandboxClient;
  redirectUri: string;
  scopes: string[];
  state: string | null;
  nonce: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: "S256" | "plain" | null;
  /** The validated parameters, echoed as hidden fields of the consent form. */
  params: AuthorizationParams;
}

export type AuthorizationCheck =
  | { kind: "ok"; request: AuthorizationRequest }
  | { kind: "error-page"; message: string }
  | { kind: "redirect-error"; location: string };

/** Where the browser goes back to the app: the redirect URI plus these parameters (and `state`). */
export function redirectLocation(redirectUri: string, values: Record<string, string | null | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(values)) if (value) url.searchParams.set(key, value);
  return url.toString();
}

export function checkAuthorizationRequest(input: unknown, config: Pick<SandboxConfig, "clients">): AuthorizationCheck {
  const parsed = authorizationParamsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    return { kind: "error-page", message: "Each authorization parameter may be given only once." };
  }
  const params = parsed.data;
  const client = config.clients.find((candidate) => candidate.clientId === params.client_id);
  if (!client) return { kind: "error-page", message: "Unknown client_id: no app is registered with this id." };
  if (!params.redirect_uri || !client.redirectUris.includes(params.redirect_uri)) {
    return {
      kind: "error-page",
      message: "Invalid redirect_uri: it must exactly match one of the redirect URIs registered for this app.",
    };
  }

  const redirectUri = params.redirect_uri;
  const fail = (error: string, description: string): AuthorizationCheck => ({
    kind: "redirect-error",
    location: redirectLocation(redirectUri, { error, error_description: description, state: params.state }),
  });
  if (params.response_type !== "code") {
    return fail("unsupported_response_type", "response_type must be code");
  }
  if (!params.scope) return fail("invalid_scope", "scope is required");
  const scopes = parseScopes(params.scope);
  if (!scopes.ok) return fail("invalid_scope", `unknown scope: ${scopes.unknown.join(" ")}`);

  const method = params.code_challenge_method ?? (params.code_challenge ? "plain" : null);
  if (method !== null && method !== "S256" && method !== "plain") {
    return fail("invalid_request", "code_challenge_method must be S256 or plain");
  }
  if (method !== null && !params.code_challenge) {
    return fail("invalid_request", "code_challenge is required with code_challenge_method");
  }

  return {
    kind: "ok",
    request: {
      client,
      redirectUri,
      scopes: scopes.scopes,
      state: params.state ?? null,
      nonce: params.nonce ?? null,
      codeChallenge: params.code_challenge ?? null,
      codeChallengeMethod: method,
      params,
    },
  };
}
