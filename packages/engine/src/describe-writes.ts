// What a button is about to write, in one sentence a bookkeeper reads before agreeing: "creates
// another invoice and payment in Demo Company (NZ)". The run page (re-run), the editor (Test, Run
// now) and the domain's refusals all build their sentences here, so they never disagree.
import type { ActionWrites } from "./action-definition";
import { readOwn } from "./plain-data";

export interface PlannedWrite {
  writes: ActionWrites;
  /** Where it is written (the connection's name: "Demo Company (NZ)"); unknown, or a step without a connection, names no place. */
  organisation?: string;
  /** This write already succeeded once: a "creates" write then makes another. */
  again?: boolean;
}

const article = (noun: string) => (/^[aeiou]/i.test(noun) ? "an" : "a");

/** "another invoice", "a payment", "2 more invoices", "the contact". */
function objectPhrase(write: PlannedWrite, count: number, real: boolean): { determiner: string; noun: string } {
  const { noun, verb } = write.writes;
  const plural = count > 1 ? `${noun}s` : noun;
  if (write.again) {
    if (verb !== "creates") return { determiner: "the", noun: plural };
    return count > 1 ? { determiner: `${count} more`, noun: plural } : { determiner: "another", noun };
  }
  if (count > 1) return { determiner: real ? `${count} real` : String(count), noun: plural };
  return { determiner: real ? "a real" : article(noun), noun };
}

/** "another invoice and payment" when the determiners agree, else "another invoice and a payment". */
function joinObjects(objects: { determiner: string; noun: string }[]): string {
  const shared = objects.every((object) => object.determiner === objects[0]?.determiner);
  const words = objects.map((object, index) =>
    shared && index > 0 ? object.noun : `${object.determiner} ${object.noun}`,
  );
  return joinWords(words);
}

function joinWords(words: string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return [...groups.values()];
}

/**
 * The predicate of the sentence, without its subject: "creates another invoice and payment in Demo
 * Company (NZ)". `real` says "a real invoice" (for tests, which people take for rehearsals).
 * Empty when nothing is written.
 */
export function describeWrites(writes: PlannedWrite[], { real = false } = {}): string {
  const clauses = groupBy(writes, (write) => write.organisation ?? "").map((inOrganisation) => {
    const verbs = groupBy(inOrganisation, (write) => write.writes.verb).map((sameVerb) => {
      const objects = groupBy(sameVerb, (write) => `${write.writes.noun}|${write.again ? 1 : 0}`).map((same) =>
        objectPhrase(same[0]!, same.length, real),
      );
      return `${sameVerb[0]!.writes.verb} ${joinObjects(objects)}`;
    });
    const place = inOrganisation[0]?.organisation;
    return place ? `${verbs.join(" and ")} in ${place}` : verbs.join(" and ");
  });
  return clauses.join(", and ");
}

/** What a test wrote, by the name Xero gave it ("INV-0042"), for asking before testing again. */
export function writtenName(writes: ActionWrites, output: unknown): string | undefined {
  if (!writes.nameField) return undefined;
  const name = readOwn(output, writes.nameField);
  return typeof name === "string" || typeof name === "number" ? String(name) || undefined : undefined;
}

/**
 * Whether testing this step again would create another object: a "creates" write whose last test
 * succeeded. Tests of "finds or creates" and "creates or updates" steps find or update the same
 * object again, so they are not asked about (people test those often while mapping fields).
 */
export function testWouldRepeat(writes: ActionWrites | undefined, lastOutput: unknown): writes is ActionWrites {
  return writes?.verb === "creates" && lastOutput !== null && lastOutput !== undefined;
}

/** "You already created INV-0042 by testing this step" (or "a payment" when it has no name). */
export function describeRepeatedTest(writes: ActionWrites, lastOutput: unknown): string {
  const name = writtenName(writes, lastOutput) ?? `${article(writes.noun)} ${writes.noun}`;
  return `You already created ${name} by testing this step`;
}
