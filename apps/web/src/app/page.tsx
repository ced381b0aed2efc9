import { listFlows } from "@ledgerflow/runtime";
import type { Metadata } from "next";
import { AppShell } from "@/components/app-shell/app-shell";
import { FlowsScreen } from "@/components/flows/flows-screen";
import { LandingPage } from "@/components/landing/landing-page";
import { getAppSession } from "@/server/auth/get-app-session";
import { requireWorkspace } from "@/server/with-workspace";

// Who is signed in decides what `/` shows: never prerender it at build time.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return (await getAppSession()) ? { title: "Flows" } : {};
}

/** `/`: the landing page for visitors, the flows list once signed in. */
export default async function HomePage() {
  if (!(await getAppSession())) return <LandingPage />;
  const { workspace, user, role } = await requireWorkspace();
  const list = await listFlows({ workspaceId: workspace.id });
  return (
    <AppShell workspaceName={workspace.name} user={user}>
      <FlowsScreen list={list} canEdit={role !== "VIEWER"} />
    </AppShell>
  );
}
