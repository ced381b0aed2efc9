"use client";

import { ExternalLinkIcon, PlusIcon } from "lucide-react";
import Link from "next/link";
import { Combobox } from "../ui/combobox";
import { Field } from "../ui/field";
import type { ConnectionChoice } from "./editor-types";

interface ConnectionPickerProps {
  /** What one connection reaches, as the field's label says it: "Xero organisation". */
  label: string;
  connections: ConnectionChoice[];
  value: string | undefined;
  onChange: (connectionId: string) => void;
  error?: string;
  readOnly: boolean;
}

/** The organisation a step acts on or a trigger listens to, with a way to connect another. */
export function ConnectionPicker({ label, connections, value, onChange, error, readOnly }: ConnectionPickerProps) {
  return (
    <Field
      label={label}
      required
      error={error}
      help={connections.length === 0 ? "Connect a Xero organisation to use it here." : undefined}
    >
      {(control) => (
        <Combobox
          {...control}
          disabled={readOnly}
          value={value ?? null}
          onChange={onChange}
          placeholder="Choose an organisation"
          options={connections.map((connection) => ({
            value: connection.id,
            label: connection.name,
            hint: connection.status === "ACTIVE" ? undefined : "Reconnect needed",
          }))}
          emptyText="No Xero organisation connected yet."
          footer={
            <Link
              href="/connections?add=xero"
              className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-brand-700 hover:bg-slate-100"
            >
              <PlusIcon className="size-4" />
              Add a Xero connection
              <ExternalLinkIcon className="ml-auto size-3.5 text-slate-400" />
            </Link>
          }
        />
      )}
    </Field>
  );
}
