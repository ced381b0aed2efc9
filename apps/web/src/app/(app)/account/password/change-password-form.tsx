"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useCredentialsForm } from "@/components/auth/use-credentials-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { changePasswordAction } from "@/server/auth/account-actions";
import { changePasswordSchema } from "@/server/auth/credentials-schema";

/**
 * Current and new password. Changing it signs out every session, this one included, so the form
 * signs this browser in again with the new password (the one way a session starts).
 */
export function ChangePasswordForm({ email }: { email: string | null }) {
  const router = useRouter();
  const [changed, setChanged] = useState(false);
  const { fieldErrors, formError, pending, onSubmit, signInAgain } = useCredentialsForm({
    schema: changePasswordSchema,
    fields: ["currentPassword", "newPassword"],
    onStart: () => setChanged(false),
    submit: async (data, { form }) => {
      const result = await changePasswordAction(data);
      if (!result.ok) return result;
      if (await signInAgain(result.data.email, data.newPassword)) {
        form.reset();
        setChanged(true);
        router.refresh();
      }
      return "stay";
    },
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Change password">
      {/* For password managers: which account the new password belongs to. */}
      <input type="hidden" name="username" autoComplete="username" value={email ?? ""} readOnly />
      <FormAlert message={formError} />
      {changed ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 ring-1 ring-emerald-200"
        >
          Password changed. Every other browser was signed out; use the new password there.
        </p>
      ) : null}
      <Field label="Current password" error={fieldErrors.currentPassword} required>
        {(control) => <Input {...control} name="currentPassword" type="password" autoComplete="current-password" />}
      </Field>
      <Field label="New password" error={fieldErrors.newPassword} help="At least 10 characters." required>
        {(control) => <Input {...control} name="newPassword" type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" disabled={pending} className="mt-2 self-start">
        {pending ? "Changing password…" : "Change password"}
      </Button>
    </form>
  );
}
