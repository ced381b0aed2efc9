"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { signUpSchema } from "@/server/auth/credentials-schema";
import { signUp } from "@/server/auth/sign-up";

type FieldName = "name" | "email" | "password";
type FieldErrors = Partial<Record<FieldName, string>>;

function firstErrors(errors: Partial<Record<string, string[] | undefined>>): FieldErrors {
  return { name: errors.name?.[0], email: errors.email?.[0], password: errors.password?.[0] };
}

export function SignupForm() {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const formData = new FormData(event.currentTarget);
    // Checked here for instant feedback, and again on the server, which is the one that counts.
    const parsed = signUpSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      setFieldErrors(firstErrors(z.flattenError(parsed.error).fieldErrors));
      return;
    }
    setFieldErrors({});
    setPending(true);
    const result = await signUp(formData);
    if (!result.ok) {
      setPending(false);
      setFieldErrors(firstErrors(result.fieldErrors));
      if (Object.keys(result.fieldErrors).length === 0) setFormError(result.error);
      return;
    }
    const signedIn = await signIn("credentials", {
      email: parsed.data.email,
      password: parsed.data.password,
      redirect: false,
    });
    if (!signedIn?.ok) {
      router.replace("/login");
      return;
    }
    router.replace("/");
    router.refresh();
  }

  return (
    <form noValidate onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Create an account">
      <FormAlert message={formError} />
      <Field label="Your name" error={fieldErrors.name} required>
        {(control) => <Input {...control} name="name" autoComplete="name" />}
      </Field>
      <Field label="Email" error={fieldErrors.email} required>
        {(control) => <Input {...control} name="email" type="email" autoComplete="email" />}
      </Field>
      <Field label="Password" error={fieldErrors.password} help="At least 10 characters." required>
        {(control) => <Input {...control} name="password" type="password" autoComplete="new-password" />}
      </Field>
      <Button type="submit" disabled={pending} className="mt-2">
        {pending ? "Creating your account…" : "Create account"}
      </Button>
    </form>
  );
}
