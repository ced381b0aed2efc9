"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { useCredentialsForm } from "@/components/auth/use-credentials-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { signInSchema } from "@/server/auth/credentials-schema";
import { sameOriginPath } from "@/server/auth/same-origin-path";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const router = useRouter();
  const { fieldErrors, formError, pending, onSubmit } = useCredentialsForm({
    schema: signInSchema,
    fields: ["email", "password"],
    submit: async (data) => {
      const result = await signIn("credentials", { ...data, redirect: false });
      if (!result?.ok) {
        // next-auth hands back the message authorize() threw (wrong credentials, too many attempts).
        const error =
          result?.error && result.error !== "CredentialsSignin" ? result.error : "Sign-in failed. Try again.";
        return { ok: false, error };
      }
      // The page checked it already; checked again where the browser is sent, against its own origin.
      router.replace(sameOriginPath(callbackUrl, window.location.origin) ?? "/");
      router.refresh();
    },
  });

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Sign in">
      <FormAlert message={formError} />
      <Field label="Email" error={fieldErrors.email} required>
        {(control) => <Input {...control} name="email" type="email" autoComplete="email" />}
      </Field>
      <Field label="Password" error={fieldErrors.password} required>
        {(control) => <Input {...control} name="password" type="password" autoComplete="current-password" />}
      </Field>
      <Button type="submit" disabled={pending} className="mt-2">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
