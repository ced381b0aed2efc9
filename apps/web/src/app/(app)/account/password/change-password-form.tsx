"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { changePasswordAction } from "@/server/auth/account-actions";
import { changePasswordSchema } from "@/server/auth/credentials-schema";

type FieldName = "currentPassword" | "newPassword";
type FieldErrors = Partial<Record<FieldName, string>>;

function firstErrors(errors: Partial<Record<string, string[] | undefined>>): FieldErrors {
  return { currentPassword: errors.currentPassword?.[0], newPassword: errors.newPassword?.[0] };
}

/**
 * Current and new password. Changing it signs out every session, this one included, so the form
 * signs this browser in again with the new password (the one way a session starts).
 */
export function ChangePasswordForm({ email }: { email: string | null }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setFormError(null);
    setChanged(false);
    // Checked here for instant feedback, and again on the server, which is the one that counts.
    const parsed = changePasswordSchema.safeParse(Object.fromEntries(new FormData(form)));
    if (!parsed.success) {
      setFieldErrors(firstErrors(z.flattenError(parsed.error).fieldErrors));
      return;
    }
    setFieldErrors({});
    setPending(true);
    const result = await changePasswordAction(parsed.data);
    if (!result.ok) {
      setPending(false);
      setFieldErrors(firstErrors(result.fieldErrors));
      if (Object.keys(result.fieldErrors).length === 0) setFormError(result.error);
      return;
    }
    const signedIn = await signIn("credentials", {
      email: result.data.email,
      password: parsed.data.newPassword,
      redirect: false,
    });
    setPending(false);
    if (!signedIn?.ok) {
      router.replace("/login");
      return;
    }
    form.reset();
    setChanged(true);
    router.refresh();
  }

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
