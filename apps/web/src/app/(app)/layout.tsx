import type { ReactNode } from "react";
import { AppShell } from "@/components/app-shell/app-shell";
import { requireWorkspace } from "@/server/with-workspace";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const { workspace, user } = await requireWorkspace();
  return (
    <AppShell workspaceName={workspace.name} user={user}>
      {children}
    </AppShell>
  );
}
