import { Prisma, prisma } from "@ledgerflow/db";
import {
  chooseRunTitle,
  defineOwn,
  isPlainObject,
  type PlainObject,
  type RunTitlePart,
  readOwn,
  renderRunTitle,
  runTitleParts,
} from "@ledgerflow/engine";

// Which title template each flow's runs are named with in the history (docs/ARCHITECTURE.md §6):
// the flow's `runTitle` as its draft has it now — a title is how the history reads a run, not
// what the run does, so a new title applies to past runs at once and needs no publishing — or,
// unset, one chosen from the trigger's sample. An app event's flow without a title of its own is
// named by its record ("INV-0042"), which its trigger already labels.

export interface RunTitleTemplate {
  flowId: string;
  template: string;
  parts: RunTitlePart[];
}

/** The title templates of a workspace's flows (all of them, or those given), by flow id. */
export async function readRunTitleTemplates(
  workspaceId: string,
  flowIds?: string[],
): Promise<Map<string, RunTitleTemplate>> {
  if (flowIds?.length === 0) return new Map();
  // Only the two settings are read from each draft, not its steps.
  const flows = await prisma.$queryRaw<{ id: string; runTitle: unknown; triggerType: unknown; sample: unknown }[]>`
    SELECT id, draft->'runTitle' AS "runTitle", draft->'trigger'->>'type' AS "triggerType",
           draft->'trigger'->'sample' AS sample
      FROM "Flow"
     WHERE "workspaceId" = ${workspaceId} ${flowIds ? Prisma.sql`AND id = ANY(${flowIds}::text[])` : Prisma.empty}`;
  const templates = new Map<string, RunTitleTemplate>();
  for (const flow of flows) {
    const own = typeof flow.runTitle === "string" && flow.runTitle.trim() !== "" ? flow.runTitle : null;
    const template = own ?? (flow.triggerType === "event" ? null : chooseRunTitle(flow.sample));
    if (template) templates.set(flow.id, { flowId: flow.id, template, parts: runTitleParts(template) });
  }
  return templates;
}

/** Every trigger path the templates read, once each. */
export function titlePathsOf(templates: Iterable<RunTitleTemplate>): string[][] {
  const paths = new Map<string, string[]>();
  for (const { parts } of templates) {
    for (const part of parts)
      if ("trigger" in part && part.trigger) paths.set(part.trigger.join("\u0000"), part.trigger);
  }
  return [...paths.values()];
}

/**
 * A run's title from the values at `paths` (as `titlePathsOf` listed them), read from its trigger:
 * the engine's renderer sees a trigger holding just those values.
 */
export function renderTitleFromPicked(template: RunTitleTemplate, paths: string[][], picked: unknown[]): string | null {
  const trigger: PlainObject = {};
  paths.forEach((path, index) => {
    const value = picked[index];
    if (value === null || value === undefined) return;
    let at = trigger;
    for (const segment of path.slice(0, -1)) {
      if (!isPlainObject(readOwn(at, segment))) defineOwn(at, segment, {});
      at = readOwn(at, segment) as PlainObject;
    }
    defineOwn(at, path.at(-1) as string, value);
  });
  return renderRunTitle(template.template, trigger);
}

/**
 * The titles of a workspace's runs in SQL, to find runs by text: `CASE "flowId" WHEN … THEN concat(…) END`,
 * each part a literal or `trigger #>> path` (text as the renderer writes it; a missing value is '').
 */
export function titleSql(templates: Iterable<RunTitleTemplate>): Prisma.Sql | null {
  const cases = [...templates].map(({ flowId, parts }) => {
    const pieces = parts.map((part) =>
      "text" in part
        ? Prisma.sql`${part.text}::text`
        : part.trigger
          ? Prisma.sql`(r.trigger #>> ${part.trigger}::text[])`
          : Prisma.sql`''`,
    );
    return Prisma.sql`WHEN ${flowId} THEN concat(${Prisma.join(pieces)})`;
  });
  return cases.length === 0 ? null : Prisma.sql`(CASE r."flowId" ${Prisma.join(cases, " ")} END)`;
}
