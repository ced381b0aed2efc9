import { CircleAlertIcon } from "lucide-react";
import type { StepErrorView } from "./read-step-error";

interface StepErrorCalloutProps {
  error: StepErrorView;
  title?: string;
}

/** The error first and in words: Xero's validation messages as a list, then the field and code. */
export function StepErrorCallout({ error, title = "What went wrong" }: StepErrorCalloutProps) {
  const listed = error.validationErrors.length > 1;
  return (
    <div className="flex gap-3 rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <CircleAlertIcon aria-hidden className="mt-0.5 size-4 shrink-0 text-red-600" />
      <div className="flex min-w-0 flex-col gap-1.5">
        <p className="font-semibold">{title}</p>
        {listed ? (
          <>
            <p>Xero refused the request:</p>
            <ul className="list-disc space-y-0.5 pl-5">
              {error.validationErrors.map((message) => (
                <li key={message} className="break-words">
                  {message}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="break-words whitespace-pre-line">{error.message}</p>
        )}
        {error.field || error.code || error.httpStatus ? (
          <p className="text-xs text-red-800/80">
            {[
              error.field ? `Field: ${error.field}` : null,
              error.httpStatus ? `HTTP ${error.httpStatus}` : null,
              error.code ? `Code: ${error.code}` : null,
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        ) : null}
      </div>
    </div>
  );
}
