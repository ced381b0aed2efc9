"use client";

import { useEffect, useId, useState } from "react";
import { Label } from "../ui/label";
import { Textarea } from "../ui/textarea";

interface SampleEditorProps {
  /** The sample request body (what `{{trigger.body.…}}` reads). */
  value: unknown;
  onChange: (value: unknown) => void;
  readOnly: boolean;
}

const format = (value: unknown) => (value === undefined ? "" : JSON.stringify(value, null, 2));

/** A JSON editor for the trigger's sample: saved whenever the text is valid JSON. */
export function SampleEditor({ value, onChange, readOnly }: SampleEditorProps) {
  const id = useId();
  const [text, setText] = useState(() => format(value));
  const [error, setError] = useState<string | null>(null);

  // A captured test event replaces the text; the user's own typing does not come back through here.
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === JSON.stringify(value)) return current;
      } catch {
        // The text is being edited into valid JSON: keep it until it parses.
        if (value === undefined) return current;
      }
      return format(value);
    });
  }, [value]);

  const change = (next: string) => {
    setText(next);
    if (next.trim() === "") {
      setError(null);
      onChange(undefined);
      return;
    }
    try {
      onChange(JSON.parse(next));
      setError(null);
    } catch (problem) {
      setError(`Not valid JSON yet: ${(problem as Error).message}`);
    }
  };

  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>Sample request body (JSON)</Label>
      <Textarea
        id={id}
        value={text}
        readOnly={readOnly}
        onChange={(event) => change(event.target.value)}
        spellCheck={false}
        rows={10}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help${error ? ` ${id}-error` : ""}`}
        placeholder={'{\n  "email": "ada@example.com",\n  "total": 120\n}'}
        className="font-mono text-xs"
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <p id={`${id}-help`} className="text-xs text-slate-500">
        Used by the data picker and the Test buttons, as <code className="font-mono">{"{{trigger.body.…}}"}</code>.
      </p>
    </div>
  );
}
