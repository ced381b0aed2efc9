import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { z } from "zod";

type FieldMessages = Partial<Record<string, string[] | undefined>>;

/**
 * How a submit ended: a failure to show (a server action's `{ ok: false }` result will do), `"stay"`
 * when the form stays on screen so it can be sent again, or nothing when the browser is on its way
 * elsewhere (the form stays pending, so it is not sent twice).
 */
export type SubmitOutcome = { ok: false; error: string; fieldErrors?: FieldMessages } | "stay" | undefined;

interface CredentialsFormOptions<T, F extends string> {
  schema: z.ZodType<T>;
  /** The fields whose first error is shown beside them. */
  fields: readonly F[];
  /** Runs once the values pass `schema` here too. */
  submit: (data: T, sent: { form: HTMLFormElement; formData: FormData }) => Promise<SubmitOutcome>;
  /** Runs as each submit starts, e.g. to hide an earlier success notice. */
  onStart?: () => void;
}

/**
 * The submit of a sign-in, sign-up or password form: the values are checked here for instant
 * feedback (and again on the server, which is the one that counts), then `submit` runs while the
 * form is pending; its failure is shown beside the fields it names, or above the form.
 */
export function useCredentialsForm<T, F extends string>({
  schema,
  fields,
  submit,
  onStart,
}: CredentialsFormOptions<T, F>) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<F, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const firstErrors = (errors: FieldMessages) =>
    Object.fromEntries(fields.map((field) => [field, errors[field]?.[0]])) as Partial<Record<F, string>>;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    setFormError(null);
    onStart?.();
    const formData = new FormData(form);
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      setFieldErrors(firstErrors(z.flattenError(parsed.error).fieldErrors));
      return;
    }
    setFieldErrors({});
    setPending(true);
    const outcome = await submit(parsed.data, { form, formData });
    if (outcome === "stay") setPending(false);
    else if (outcome) {
      setPending(false);
      if (outcome.fieldErrors) setFieldErrors(firstErrors(outcome.fieldErrors));
      if (Object.keys(outcome.fieldErrors ?? {}).length === 0) setFormError(outcome.error);
    }
  }

  /** Signs this browser in with a password the server has just accepted; failing that, sends it to /login. */
  async function signInAgain(email: string, password: string) {
    const signedIn = await signIn("credentials", { email, password, redirect: false });
    if (!signedIn?.ok) router.replace("/login");
    return Boolean(signedIn?.ok);
  }

  return { fieldErrors, formError, pending, onSubmit, signInAgain };
}
