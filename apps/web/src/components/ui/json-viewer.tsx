"use client";

import { ChevronRightIcon } from "lucide-react";
import { useState } from "react";
import { plural } from "../plural";
import { cn } from "./class-names";

interface JsonViewerProps {
  value: unknown;
  /** Nodes deeper than this start collapsed. */
  expandDepth?: number;
  className?: string;
}

/**
 * Payloads and Xero responses as a collapsible tree. Every value is rendered as a React text node,
 * never as HTML, so a payload containing markup shows the markup instead of running it.
 */
export function JsonViewer({ value, expandDepth = 2, className }: JsonViewerProps) {
  return (
    <div
      className={cn(
        "overflow-x-auto rounded-lg border border-slate-200 bg-slate-50 p-3 font-mono text-xs leading-relaxed text-slate-800",
        className,
      )}
    >
      <JsonNode value={value} depth={0} expandDepth={expandDepth} />
    </div>
  );
}

interface JsonNodeProps {
  name?: string;
  value: unknown;
  depth: number;
  expandDepth: number;
}

function JsonNode({ name, value, depth, expandDepth }: JsonNodeProps) {
  const [open, setOpen] = useState(depth < expandDepth);
  const label = name === undefined ? null : <span className="text-sky-800">{JSON.stringify(name)}: </span>;

  if (value === null || typeof value !== "object") {
    return (
      <div className="pl-4 break-all">
        {label}
        <JsonScalar value={value} />
      </div>
    );
  }

  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value as Record<string, unknown>);
  const [openBracket, closeBracket] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  const summary = plural(entries.length, Array.isArray(value) ? "item" : "key");

  if (entries.length === 0) {
    return (
      <div className="pl-4">
        {label}
        {openBracket}
        {closeBracket}
      </div>
    );
  }
  return (
    <div className={depth === 0 ? undefined : "pl-4"}>
      <button
        type="button"
        onClick={() => setOpen(!open)}
        aria-expanded={open}
        className="-ml-4 inline-flex items-center rounded text-left hover:bg-slate-200/60"
      >
        <ChevronRightIcon className={cn("size-4 text-slate-500 transition-transform", open && "rotate-90")} />
        {label}
        {openBracket}
        {open ? null : <span className="px-1 text-slate-500">{summary}</span>}
        {open ? null : closeBracket}
      </button>
      {open ? (
        <>
          {entries.map(([key, item]) => (
            <JsonNode
              key={key}
              name={Array.isArray(value) ? undefined : key}
              value={item}
              depth={depth + 1}
              expandDepth={expandDepth}
            />
          ))}
          <div>{closeBracket}</div>
        </>
      ) : null}
    </div>
  );
}

function JsonScalar({ value }: { value: unknown }) {
  if (typeof value === "string") return <span className="text-emerald-800">{JSON.stringify(value)}</span>;
  if (typeof value === "number") return <span className="text-amber-700">{String(value)}</span>;
  if (typeof value === "boolean") return <span className="text-violet-700">{String(value)}</span>;
  if (value === undefined) return <span className="text-slate-500">undefined</span>;
  return <span className="text-slate-500">null</span>;
}
