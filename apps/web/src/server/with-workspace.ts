/**
 * The one gate in front of every server action and signed-in page (after dub's `withWorkspace`).
 * Route handlers do not use it: each authenticates its own way (the webhook by its token, the Xero
 * callback by its state, next-auth by itself, the health check not at all). It
 *   1. checks the session (redirect to /login),
 *   2. resolves the caller's workspace from their memberships (the `lf_workspace` cookie is only a
 *      preference, honoured when the user is a member; otherwise their oldest workspace),
 *   3. checks the role against `minimumRole` (action: `{ ok: false }`; page: 404),
 *   4. parses an action's input with zod (`fieldErrors`),
 *   5. turns an action's domain errors and StepErrors into a message the form shows.
 *
 * Server action ("use server" file):
 *   export const disconnect = workspaceAction(z.object({ connectionId: z.string() }), "EDITOR",
 *     ({ workspace, input }) => disconnectConnection({ workspaceId: workspace.id, ...input }));
 * Server component:
 *   const { workspace, role } = await requireWorkspace();
 */
import type { Role } from "@ledgerflow/db";
import { StepError } from "@ledgerflow/engine";
import { DomainError, ForbiddenError, findWorkspaceMembership, roleAllows } from "@ledgerflow/runtime";
import { cookies } from "next/headers";
import { notFound, redirect, unstable_rethrow } from "next/navigation";
import { cache } from "react";
import type { z } from "zod";
import { type AppSession, getAppSession, type SessionUser } from "./auth/get-app-session";

/** Cookie naming the workspace the user last switched to (set by the workspace switcher). */
export const WORKSPACE_COOKIE = "lf_workspace";

export interface WorkspaceContext {
  session: AppSession;
  user: SessionUser;
  workspace: { id: string; name: string };
  role: Role;
}

class UnauthenticatedError extends Error {
  constructor() {
    super("Sign in to continue.");
    this.name = "UnauthenticatedError";
  }
}

/** Session + membership + role; throws UnauthenticatedError or ForbiddenError. */
async function resolveWorkspaceContext(minimumRole: Role): Promise<WorkspaceContext> {
  const session = await getAppSession();
  if (!session) throw new UnauthenticatedError();
  const { user } = session;
  const preferred = (await cookies()).get(WORKSPACE_COOKIE)?.value;
  const membership =
    (preferred ? await findWorkspaceMembership({ userId: user.id, workspaceId: preferred }) : null) ??
    (await findWorkspaceMembership({ userId: user.id }));
  // A signed-in user without any membership (removed from their last workspace) can do nothing.
  if (!membership) throw new UnauthenticatedError();
  if (!roleAllows(membership.role, minimumRole)) {
    throw new ForbiddenError(
      `This needs the ${minimumRole.toLowerCase()} role or higher in ${membership.workspace.name}.`,
    );
  }
  return { session, user, workspace: membership.workspace, role: membership.role };
}

// ---------- input errors ----------

export type FieldErrors = Record<string, string[]>;

/** Zod issues as `{ "lines.0.qty": ["Expected a number"] }` plus one sentence naming the fields. */
export function describeInputError(error: z.ZodError): { message: string; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "input";
    fieldErrors[field] ??= [];
    fieldErrors[field].push(issue.message);
  }
  const summary = Object.entries(fieldErrors)
    .map(([field, messages]) => `${field}: ${messages[0]}`)
    .join("; ");
  return { message: `Invalid input — ${summary}`, fieldErrors };
}

// ---------- server actions ----------

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors: FieldErrors };

/**
 * Wraps a server action. The returned action takes the schema's input or a FormData (read as an
 * object of its fields). Signed-out callers are redirected to /login; everything else comes back as
 * an ActionResult the form can render. `redirect()`/`notFound()` inside the handler still work.
 */
export function workspaceAction<S extends z.ZodType, T>(
  schema: S,
  minimumRole: Role,
  handler: (context: WorkspaceContext & { input: z.output<S> }) => T | Promise<T>,
): (input: z.input<S> | FormData) => Promise<ActionResult<Awaited<T>>> {
  return async (rawInput) => {
    try {
      const context = await resolveWorkspaceContext(minimumRole);
      const values = rawInput instanceof FormData ? Object.fromEntries(rawInput.entries()) : rawInput;
      const parsed = schema.safeParse(values);
      if (!parsed.success) {
        const { message, fieldErrors } = describeInputError(parsed.error);
        return { ok: false, error: message, fieldErrors };
      }
      return { ok: true, data: await handler({ ...context, input: parsed.data }) };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof UnauthenticatedError) redirect("/login");
      if (error instanceof DomainError) {
        const fieldErrors = "field" in error && error.field ? { [String(error.field)]: [error.message] } : {};
        return { ok: false, error: error.message, fieldErrors };
      }
      if (error instanceof StepError) return { ok: false, error: error.message, fieldErrors: {} };
      console.error("Unhandled error in server action", error);
      return { ok: false, error: "Something went wrong on our side. Try again.", fieldErrors: {} };
    }
  };
}

// ---------- server components ----------

/**
 * For signed-in pages and layouts: the caller's workspace context, or a redirect to /login. A role
 * below `minimumRole` renders the 404 page (the page does not exist for them). Cached per request,
 * so a layout and its page share one lookup.
 */
export const requireWorkspace = cache(async (minimumRole: Role = "VIEWER"): Promise<WorkspaceContext> => {
  try {
    return await resolveWorkspaceContext(minimumRole);
  } catch (error) {
    if (error instanceof UnauthenticatedError) redirect("/login");
    if (error instanceof ForbiddenError) notFound();
    throw error;
  }
});
