"use client";

import type { FieldSpec } from "@ledgerflow/engine";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { createSecretConnectionAction } from "@/server/connections/create-secret-connection-action";

interface AddSecretConnectionDialogProps {
  /** The connector's key ("http") and its words for one connection ("HTTP connection"). */
  provider: string;
  noun: string;
  /** The connector's form (its auth `fields`): plain data from the server. */
  fields: FieldSpec[];
}

/** Whether a field is asked for, given the choices made so far (a token only for "Bearer token"). */
function isShown(field: FieldSpec, values: Record<string, string>): boolean {
  if (!field.requiredWhen) return true;
  return (values[field.requiredWhen.field] ?? "") === field.requiredWhen.equals;
}

/**
 * "+ Add an HTTP connection": a name and the connector's form. Secrets are typed as passwords, sent
 * once, kept in the vault and never shown again; a refusal names the field it is about.
 */
export function AddSecretConnectionDialog({ provider, noun, fields }: AddSecretConnectionDialogProps) {
  const router = useRouter();
  const initial = () =>
    Object.fromEntries(fields.map((field) => [field.name, typeof field.default === "string" ? field.default : ""]));
  const [open, setOpen] = useState(false);
  const [name, setName] = useState("");
  const [values, setValues] = useState<Record<string, string>>(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const reset = (next: boolean) => {
    setOpen(next);
    if (!next) {
      setName("");
      setValues(initial());
      setErrors({});
      setError(null);
    }
  };
  const submit = () =>
    startTransition(async () => {
      const shown = Object.fromEntries(
        fields.filter((field) => isShown(field, values)).map((f) => [f.name, values[f.name] ?? ""]),
      );
      const result = await createSecretConnectionAction({ provider, name, values: shown });
      if (!result.ok) {
        setErrors(result.fieldErrors);
        setError(result.error);
        return;
      }
      reset(false);
      toast.success(`“${result.data.name}” is connected`);
      router.refresh();
    });

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          + Add an {noun}
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Add an ${noun}`}
        description="For an app's API that needs a key or a password. It is encrypted and never shown again; steps send it without storing it."
      >
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <Field label="Name" required help="How steps will show it, e.g. “CRM API”." error={errors.name?.[0]}>
            {(control) => <Input {...control} value={name} onChange={(event) => setName(event.target.value)} />}
          </Field>
          {fields
            .filter((field) => isShown(field, values))
            .map((field) => (
              <Field
                key={field.name}
                label={field.label}
                help={field.help}
                required={field.required || field.requiredWhen !== undefined}
                error={errors[field.name]?.[0] ?? errors[`values.${field.name}`]?.[0]}
              >
                {(control) =>
                  field.type === "select" && field.options && "static" in field.options ? (
                    <Select
                      {...control}
                      value={values[field.name] ?? ""}
                      onValueChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
                      options={field.options.static.map((option) => ({ value: option.value, label: option.label }))}
                    />
                  ) : (
                    <Input
                      {...control}
                      type={field.secret ? "password" : "text"}
                      autoComplete={field.secret ? "new-password" : "off"}
                      placeholder={field.placeholder}
                      value={values[field.name] ?? ""}
                      onChange={(event) => setValues((current) => ({ ...current, [field.name]: event.target.value }))}
                    />
                  )
                }
              </Field>
            ))}
          {/* A refusal shown on its field is not repeated above the buttons. */}
          <FormAlert message={Object.keys(errors).length > 0 ? null : error} />
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => reset(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save connection"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
