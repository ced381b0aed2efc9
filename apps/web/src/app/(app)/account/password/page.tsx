import type { Metadata } from "next";
import { PageHeader } from "@/components/app-shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { requireWorkspace } from "@/server/with-workspace";
import { ChangePasswordForm } from "./change-password-form";

export const metadata: Metadata = { title: "Change password" };

/** `/account/password`: a new password, which signs out every other browser. */
export default async function ChangePasswordPage() {
  const { user } = await requireWorkspace();
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-6 px-4 py-6 sm:px-6 lg:py-8">
      <PageHeader
        title="Change password"
        description="Every other browser and device signed in to your account is signed out; this one stays signed in."
      />
      <Card>
        <CardContent>
          <ChangePasswordForm email={user.email} />
        </CardContent>
      </Card>
    </div>
  );
}
