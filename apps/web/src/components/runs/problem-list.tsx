import type { ProblemLine } from "./problem-lines";

/** A step error's problems, each led by the field and line it concerns ("Line items, line 2 · Account: …"). */
export function ProblemList({ lines, className }: { lines: readonly ProblemLine[]; className?: string }) {
  return (
    <ul className={className}>
      {lines.map((line) => (
        <li key={`${line.field ?? ""}:${line.message}`} className="break-words whitespace-pre-line">
          {line.where ? <span className="font-medium">{line.where}: </span> : null}
          {line.message}
        </li>
      ))}
    </ul>
  );
}
