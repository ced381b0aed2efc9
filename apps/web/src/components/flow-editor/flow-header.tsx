"use client";

import { ArrowLeftIcon } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { renameFlowAction } from "@/server/flows/rename-flow-action";
import { cn } from "../ui/class-names";

interface FlowHeaderProps {
  flowId: string;
  name: string;
  description: string;
  readOnly: boolean;
  /** After a saved rename: the switch and dialogs name the flow by its current name. */
  onRenamed?: (name: string) => void;
  /** Right-hand side: save indicator, switch. */
  children: React.ReactNode;
}

const inlineInput =
  "w-full rounded-md border border-transparent bg-transparent px-2 -mx-2 hover:border-slate-200 focus-visible:border-brand-500 focus-visible:bg-white focus-visible:outline-2 focus-visible:outline-brand-500/30 read-only:hover:border-transparent";

/** Back link, the flow's name and description (edited in place), and its controls. */
export function FlowHeader({
  flowId,
  name: initialName,
  description: initialDescription,
  readOnly,
  onRenamed,
  children,
}: FlowHeaderProps) {
  const [name, setName] = useState(initialName);
  const [description, setDescription] = useState(initialDescription);
  const [saved, setSaved] = useState({ name: initialName, description: initialDescription });
  const [error, setError] = useState<string | null>(null);

  const commit = async () => {
    if (name === saved.name && description === saved.description) return;
    const result = await renameFlowAction({ flowId, name, description });
    if (!result.ok) {
      setError(result.fieldErrors.name?.[0] ?? result.fieldErrors.description?.[0] ?? result.error);
      return;
    }
    setError(null);
    setSaved({ name: name.trim(), description: description.trim() });
    onRenamed?.(name.trim());
  };

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-col gap-3 px-4 py-4 sm:px-8">
        <Link
          href="/"
          className="inline-flex items-center gap-1 self-start text-xs font-medium text-slate-500 hover:text-slate-800"
        >
          <ArrowLeftIcon className="size-3.5" />
          Flows
        </Link>
        {/* The name claims a line's room first (28rem, or all of a phone's); the controls sit beside it
            when they fit and wrap below it when they do not, never squeezing it. */}
        <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
          <div className="flex min-w-0 flex-[1_1_28rem] flex-col gap-0.5">
            <label htmlFor="flow-name" className="sr-only">
              Flow name
            </label>
            {/* A text area that grows with its text, so a long name wraps on a phone instead of being cut;
                Enter still commits it (a name has no line breaks). */}
            <textarea
              id="flow-name"
              value={name}
              readOnly={readOnly}
              maxLength={120}
              rows={1}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "flow-name-error" : undefined}
              onChange={(event) => setName(event.target.value.replace(/\s*\n\s*/g, " "))}
              onBlur={commit}
              onKeyDown={(event) => {
                if (event.key !== "Enter") return;
                event.preventDefault();
                event.currentTarget.blur();
              }}
              className={cn(
                inlineInput,
                "field-sizing-content min-h-9 resize-none py-0.5 text-xl leading-8 font-semibold tracking-tight text-slate-900",
              )}
            />
            <label htmlFor="flow-description" className="sr-only">
              Description
            </label>
            <input
              id="flow-description"
              value={description}
              readOnly={readOnly}
              maxLength={500}
              placeholder={readOnly ? "" : "Add a description: what does this flow do?"}
              onChange={(event) => setDescription(event.target.value)}
              onBlur={commit}
              onKeyDown={(event) => event.key === "Enter" && event.currentTarget.blur()}
              className={cn(inlineInput, "h-7 text-sm text-slate-600")}
            />
            {error ? (
              <p id="flow-name-error" role="alert" className="text-sm text-red-700">
                {error}
              </p>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">{children}</div>
        </div>
      </div>
    </header>
  );
}
