import { serverEnv } from "@ledgerflow/config";
import { completeXeroAuthorization, XeroAuthorizationError, xeroAppSettings } from "@ledgerflow/connector-xero";
import { mayManageConnections } from "@ledgerflow/runtime";
import type { NextRequest } from "next/server";
import { getAppSession } from "@/server/auth/get-app-session";
import { oauthErrorPage } from "@/server/connections/oauth-error-page";

export const dynamic = "force-dynamic";

function redirectTo(path: string): Response {
  return Response.redirect(new URL(path, serverEnv().NEXTAUTH_URL), 303);
}

/**
 * Where Xero sends the browser after the consent page. Not behind withWorkspace: the workspace comes
 * from the pending authorization (bound to this user when it started), and the answers are pages,
 * not JSON.
 */
export async function GET(request: NextRequest) {
  const session = await getAppSession();
  if (!session) return redirectTo("/login?callbackUrl=/connections");

  // The URL Xero redirected to, on our registered redirect URI (the host the app sees behind a
  // proxy may differ, and the token request must repeat the registered one exactly).
  const callbackUrl = new URL(xeroAppSettings().redirectUri);
  callbackUrl.search = request.nextUrl.search;
  try {
    const userId = session.user.id;
    const result = await completeXeroAuthorization({
      callbackUrl: callbackUrl.toString(),
      userId,
      mayConnect: (workspaceId) => mayManageConnections({ userId, workspaceId }),
    });
    if (result.outcome === "denied") return redirectTo("/connections?denied=1");
    return redirectTo(`/connections?connected=${result.names.length}`);
  } catch (error) {
    if (error instanceof XeroAuthorizationError) {
      return oauthErrorPage(error.refusal === "forbidden" ? 403 : 400, error.message);
    }
    // Name and message only, never the object: a failed exchange can carry request details.
    console.error(
      `Xero callback failed: ${error instanceof Error ? `${error.name}: ${error.message}` : "unknown error"}`,
    );
    return oauthErrorPage(502, "Xero could not complete the connection just now. Try again in a moment.");
  }
}
