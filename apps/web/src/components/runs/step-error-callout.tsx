import { describeFieldPath, type FieldSpec, type StepErrorCode } from "@ledgerflow/engine";
import { CircleAlertIcon } from "lucide-react";
import Link from "next/link";
import { type ProblemLine, problemLines } from "./problem-lines";
import { ProblemList } from "./problem-list";
import type { StepErrorView } from "./read-step-error";

/** Failures the Connections page fixes: the connection was disconnected, or Xero no longer accepts it. */
const CONNECTION_CODES: ReadonlySet<string> = new Set<StepErrorCode>([
  "connection_needs_reconnect",
  "connection_tokens_unreadable",
  "xero_unauthorized",
  "xero_forbidden",
]);

/** Failures of the step's set-up, fixed in the editor even when no one field is named. */
const FIXED_IN_EDITOR: ReadonlySet<string> = new Set<StepErrorCode>([
  "invalid_input",
  "xero_validation",
  "connection_not_found",
  "unknown_action",
]);

interface StepErrorCalloutProps {
  error: StepErrorView;
  title?: string;
  /** The step's fields, to name a problem's field by its label and line. */
  fields?: readonly FieldSpec[];
  /** The flow editor with the step open (`/flows/<id>?step=<key>`); the problem's field is added to it. */
  editorHref?: string;
}

/**
 * The error first and in words: each problem on the field (and line) it concerns, or Xero's
 * messages as a list; then where to fix it — the editor, at that field, or the Connections page.
 */
export function StepErrorCallout({ error, title = "What went wrong", fields, editorHref }: StepErrorCalloutProps) {
  const placed = problemLines(error, fields);
  const lines = placed.length > 0 ? placed : error.validationErrors.map((message): ProblemLine => ({ message }));
  const firstField = placed.find((line) => line.field)?.field ?? error.field;
  const fixable = firstField !== undefined || (error.code !== undefined && FIXED_IN_EDITOR.has(error.code));
  const fixHref =
    editorHref && fixable ? (firstField ? `${editorHref}&field=${encodeURIComponent(firstField)}` : editorHref) : null;
  return (
    <div className="flex gap-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <CircleAlertIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-red-600" />
      <div className="flex min-w-0 flex-col gap-1.5">
        <p className="font-semibold">{title}</p>
        {lines.length > 1 || (lines.length === 1 && lines[0]?.where) ? (
          <>
            {error.code?.startsWith("xero_") ? <p>Xero refused the request:</p> : null}
            <ProblemList lines={lines} className={lines.length > 1 ? "list-disc space-y-0.5 pl-5" : undefined} />
          </>
        ) : (
          <p className="break-words whitespace-pre-line">{error.message}</p>
        )}
        {error.code || error.httpStatus || (error.field && placed.length === 0) ? (
          <p className="text-xs text-red-800/80">
            {[
              // Named on each problem above when they are placed; else the error's one field, by label.
              error.field && placed.length === 0 ? `Field: ${describeFieldPath(error.field, fields ?? [])}` : null,
              error.httpStatus ? `HTTP ${error.httpStatus}` : null,
              error.code ? `Code: ${error.code}` : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        ) : null}
        {error.code && CONNECTION_CODES.has(error.code) ? (
          <Link href="/connections" className="self-start font-medium text-red-900 underline hover:no-underline">
            Go to Connections to reconnect
          </Link>
        ) : fixHref ? (
          <Link href={fixHref} className="self-start font-medium text-red-900 underline hover:no-underline">
            Fix it in the editor
          </Link>
        ) : null}
      </div>
    </div>
  );
}
