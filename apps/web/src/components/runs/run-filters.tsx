"use client";

import type { RunFlowOption } from "@ledgerflow/runtime";
import { XIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useTransition } from "react";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Input } from "../ui/input";
import { Select } from "../ui/select";
import { runStatusLabel } from "./run-status-label";
import { type RunFilters as Filters, runsHref } from "./runs-href";

const ALL = "all";

interface RunFiltersProps {
  filters: Filters;
  flows: RunFlowOption[];
}

/**
 * Text, flow, status and date range, kept in the URL. Dropdowns apply at once; a date applies when
 * the field loses focus or on Enter, so typing a year digit by digit does not reload the page four
 * times; the text applies on Enter (or when the field loses focus), not on every keystroke.
 */
export function RunFilters({ filters, flows }: RunFiltersProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Any filter change starts again from the newest run.
  const apply = (change: Partial<Filters>) =>
    startTransition(() =>
      router.push(runsHref({ ...filters, ...change, cursor: undefined, dir: undefined }), { scroll: false }),
    );
  const applyTyped = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const q = String(data.get("q") ?? "").trim() || undefined;
    const from = String(data.get("from") ?? "") || undefined;
    const to = String(data.get("to") ?? "") || undefined;
    if (q !== filters.q || from !== filters.from || to !== filters.to) apply({ q, from, to });
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    applyTyped(event.currentTarget);
  };
  const filtered = Boolean(filters.q || filters.flow || filters.status || filters.from || filters.to);

  return (
    <form
      aria-label="Filter runs"
      aria-busy={pending}
      onSubmit={onSubmit}
      className="grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap"
    >
      <Field label="Find runs" className="col-span-2 min-w-0 sm:w-52">
        {(control) => (
          <Input
            {...control}
            key={`q-${filters.q}`}
            type="search"
            name="q"
            maxLength={200}
            defaultValue={filters.q}
            placeholder="Order, customer, run id…"
            onBlur={(event) => event.currentTarget.form && applyTyped(event.currentTarget.form)}
          />
        )}
      </Field>
      <Field label="Flow" className="col-span-2 min-w-0 sm:w-64">
        {(control) => (
          <Select
            {...control}
            value={filters.flow ?? ALL}
            onValueChange={(value) => apply({ flow: value === ALL ? undefined : value })}
            options={[
              { value: ALL, label: "All flows" },
              ...flows.map((flow) => ({ value: flow.id, label: flow.name })),
            ]}
          />
        )}
      </Field>
      <Field label="Status" className="min-w-0 sm:w-40">
        {(control) => (
          <Select
            {...control}
            value={filters.status ?? ALL}
            onValueChange={(value) => apply({ status: value === ALL ? undefined : (value as Filters["status"]) })}
            options={[
              { value: ALL, label: "All statuses" },
              ...Object.entries(runStatusLabel).map(([value, label]) => ({ value, label })),
            ]}
          />
        )}
      </Field>
      <Field label="From" className="sm:w-40">
        {(control) => (
          <Input
            {...control}
            key={`from-${filters.from}`}
            type="date"
            name="from"
            defaultValue={filters.from}
            max={filters.to}
            onBlur={(event) => event.currentTarget.form && applyTyped(event.currentTarget.form)}
          />
        )}
      </Field>
      <Field label="To" className="sm:w-40">
        {(control) => (
          <Input
            {...control}
            key={`to-${filters.to}`}
            type="date"
            name="to"
            defaultValue={filters.to}
            min={filters.from}
            onBlur={(event) => event.currentTarget.form && applyTyped(event.currentTarget.form)}
          />
        )}
      </Field>
      {/* Enter in the text or a date field submits; the button is there for people who look for one. */}
      <Button type="submit" variant="secondary" className="sr-only focus:not-sr-only">
        Apply
      </Button>
      {filtered ? (
        <Button asChild variant="ghost" className="col-span-2 justify-self-start">
          <Link href="/runs" scroll={false}>
            <XIcon aria-hidden />
            Clear filters
          </Link>
        </Button>
      ) : null}
    </form>
  );
}
