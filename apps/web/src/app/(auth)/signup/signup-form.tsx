"use client";

import { useRouter } from "next/navigation";
import { useCredentialsForm } from "@/components/auth/use-credentials-form";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { signUpSchema } from "@/server/auth/credentials-schema";
import { signUp } from "@/server/auth/sign-up";

export function SignupForm() {
  const router = useRouter();
  const { fieldErrors, formError, pending, onSubmit, signInAgain } = useCredentialsForm({
    schema: signUpSchema,
    fields: ["name", "email", "password"],
    submit: async (data, { formData }) => {
      const result = await signUp(formData);
      if (!result.ok) return result;
      if (await signInAgain(data.email, data.password)) {
        router.replace("/");
        router.refresh();
      }
    },
  });

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
