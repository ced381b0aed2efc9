"use client";

import { ExternalLinkIcon, PlusIcon } from "lucide-react";
import Link from "next/link";
import { Combobox } from "../ui/combobox";
import { Field } from "../ui/field";
import type { ConnectionChoice } from "./editor-types";

/** The choice that names no connection, for a step whose connection is optional. */
const NONE = "";

interface ConnectionPickerProps {
  /** What one connection is, as the field's label says it: "Xero organisation", "HTTP connection". */
  label: string;
  /** Where another is added ("/connections?add=xero"), and the link's words ("Add a Xero connection"). */
  addHref: string;
  addLabel: string;
  connections: ConnectionChoice[];
  value: string | undefined;
  /** `undefined`: none (only offered when `optional`). */
  onChange: (connectionId: string | undefined) => void;
  /** An HTTP request may send no credentials at all: "None" is then a choice. */
  optional?: boolean;
  error?: string;
  readOnly: boolean;
}

/** The connection a step acts with or a trigger listens to, with a way to add another. */
export function ConnectionPicker(props: ConnectionPickerProps) {
  const { label, addHref, addLabel, connections, value, onChange, optional, error, readOnly } = props;
  return (
    <Field
      label={label}
      required={!optional}
      error={error}
      help={
        optional
          ? "Only for an API that needs a key or a password: its credentials are sent with the request."
          : connections.length === 0
            ? `${addLabel} to use it here.`
            : undefined
      }
    >
      {(control) => (
        <Combobox
          {...control}
          disabled={readOnly}
          value={value ?? (optional ? NONE : null)}
          onChange={(chosen) => onChange(chosen === NONE ? undefined : chosen)}
          placeholder={`Choose a ${label.toLowerCase()}`}
          options={[
            ...(optional ? [{ value: NONE, label: "None: send no credentials" }] : []),
            ...connections.map((connection) => ({
              value: connection.id,
              label: connection.name,
              hint: connection.status === "ACTIVE" ? undefined : "Reconnect needed",
            })),
          ]}
          emptyText={`No ${label.toLowerCase()} yet.`}
          footer={
            <Link
              href={addHref}
              className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-100"
            >
              <PlusIcon className="size-4" />
              {addLabel}
              <ExternalLinkIcon className="ml-auto size-3.5 text-slate-400" />
            </Link>
          }
        />
      )}
    </Field>
  );
}
