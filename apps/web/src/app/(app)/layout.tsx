import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { requireWorkspace } from "@/server/with-workspace";

// Every signed-in page depends on the session and the database: render per request, never at build.
export const dynamic = "force-dynamic";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const { workspace, user } = await requireWorkspace();
  return (
    <AppShell workspaceName={workspace.name} user={user}>
      {children}
    </AppShell>
  );
}
