// A run's summary line in the history ("Order 1042 · Acme Ltd · 120.00"): the flow's `runTitle`
// template rendered on the run's trigger with the same renderer as step inputs, or, when the flow
// has none, a template chosen from the trigger's sample. Only the trigger is in scope: the history
// names a run by what arrived, before any step ran (references to `steps.…` render as nothing).
import { z } from "zod";
import { isPlainObject, ownEntries } from "./plain-data";
import { formatPath, parsePath, parseTemplate } from "./template-path";
import { resolveTemplates } from "./template-resolver";

export const MAX_RUN_TITLE_LENGTH = 200;
/** At most this many parts in a chosen title: an id, a name, an amount. */
const MAX_CHOSEN_PARTS = 3;
/** How deep the chooser looks into a sample (`body.customer.name` is three levels). */
const MAX_CHOOSER_DEPTH = 3;
const SEPARATOR = " · ";

// Not trimmed: the editor saves as the user types, and "Order " is on its way to "Order 42".
export const runTitleSchema = z
  .string()
  .max(MAX_RUN_TITLE_LENGTH, `A run title has at most ${MAX_RUN_TITLE_LENGTH} characters`);

interface Leaf {
  /** `["body", "customer", "name"]`, from the trigger. */
  segments: string[];
  key: string;
  /** The parent's key (`customer` for `customer.name`), "" at the top. */
  parent: string;
}

/** Lowercase letters and digits only: `Order-ID`, `order_id` and `orderId` read alike. */
const squash = (key: string) => key.toLowerCase().replace(/[^a-z0-9]/g, "");

const ID_KEYS = ["orderid", "ordernumber", "orderno", "invoicenumber", "invoiceno", "invoiceid", "reference", "ref"];
const ID_LAST = ["number", "id"];
const NAME_PARENTS = ["customer", "contact", "client", "buyer", "billing"];
const NAME_KEYS = ["customername", "contactname", "clientname", "companyname", "fullname", "name"];
const AMOUNT_KEYS = ["total", "grandtotal", "totalprice", "amount", "amountdue", "totalamount"];

/** Rank of a leaf in one kind (lower is better), or undefined when it is not of that kind. */
const kinds: ((leaf: Leaf) => number | undefined)[] = [
  // id-like: an order or invoice id, number or reference; a bare `number`/`id` only as a last resort.
  ({ key, parent }) => {
    const name = squash(key);
    const at = ID_KEYS.indexOf(name);
    if (at >= 0) return at;
    if (["order", "invoice"].includes(squash(parent)) && ID_LAST.includes(name)) return ID_KEYS.length;
    const last = ID_LAST.indexOf(name);
    return last >= 0 && parent === "" ? ID_KEYS.length + 1 + last : undefined;
  },
  // name-like: a customer's or contact's name, or the customer itself when it is text.
  ({ key, parent }) => {
    const name = squash(key);
    if (NAME_PARENTS.includes(squash(parent)) && NAME_KEYS.includes(name)) return 0;
    if (NAME_PARENTS.includes(name)) return 1;
    const at = NAME_KEYS.indexOf(name);
    return at >= 0 ? 2 + at : undefined;
  },
  // amount-like.
  ({ key }) => {
    const at = AMOUNT_KEYS.indexOf(squash(key));
    return at >= 0 ? at : undefined;
  },
];

/** Text and number leaves of a sample, depth first, with keys a template can name. */
function leavesOf(value: unknown, at: string[], parent: string, depth: number, into: Leaf[]): Leaf[] {
  if (!isPlainObject(value) || depth > MAX_CHOOSER_DEPTH) return into;
  for (const [key, item] of ownEntries(value)) {
    const segments = [...at, key];
    if (parsePath(formatPath(segments)) === undefined) continue;
    if (typeof item === "string" || typeof item === "number") into.push({ segments, key, parent });
    else leavesOf(item, segments, key, depth + 1, into);
  }
  return into;
}

/**
 * The default title of a flow's runs, from its trigger's sample: an id-like field (order id or
 * number, reference, invoice number), a name-like one (customer, contact, name) and an amount-like
 * one (total, amount), in that order, each at most once. Null when the sample has none of them.
 * A webhook's sample is read in its `body`; any other sample as a whole.
 */
export function chooseRunTitle(sample: unknown): string | null {
  if (!isPlainObject(sample)) return null;
  const body = sample.body;
  const leaves = isPlainObject(body) ? leavesOf(body, ["body"], "", 1, []) : leavesOf(sample, [], "", 1, []);
  const chosen: Leaf[] = [];
  for (const rank of kinds) {
    let best: { leaf: Leaf; rank: number } | undefined;
    for (const leaf of leaves) {
      if (chosen.includes(leaf)) continue;
      const score = rank(leaf);
      if (score !== undefined && (best === undefined || score < best.rank)) best = { leaf, rank: score };
    }
    if (best) chosen.push(best.leaf);
    if (chosen.length === MAX_CHOSEN_PARTS) break;
  }
  if (chosen.length === 0) return null;
  return chosen.map((leaf) => `{{${formatPath(["trigger", ...leaf.segments])}}}`).join(SEPARATOR);
}

/**
 * A title template rendered on a run's trigger, e.g. "Order 1042 · Acme Ltd". Parts whose data is
 * missing leave no dangling separators; null when no reference found a value (the history then
 * shows the run without a title rather than a line of punctuation).
 */
export function renderRunTitle(template: string, trigger: unknown): string | null {
  const { value, references } = resolveTemplates(template, { trigger, steps: {} });
  if (references.length > 0 && !references.some((reference) => reference.found)) return null;
  // A template that is one reference keeps the value's type: a total is a number.
  const text =
    typeof value === "string"
      ? value
      : value == null
        ? ""
        : typeof value === "object"
          ? JSON.stringify(value)
          : String(value);
  const title = text
    .split(SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .join(SEPARATOR)
    .replace(/\s+/g, " ")
    .trim();
  if (title === "") return null;
  return title.length > MAX_RUN_TITLE_LENGTH ? `${title.slice(0, MAX_RUN_TITLE_LENGTH - 1)}…` : title;
}

/** A title's literal text and the trigger paths it reads, in order (`null`: not a trigger path). */
export type RunTitlePart = { text: string } | { trigger: string[] | null };

/**
 * `Order {{trigger.body.order_id}}` → `[{text: "Order "}, {trigger: ["body", "order_id"]}]`: the
 * history fetches only these paths from each run (never the whole payload) and searches titles
 * with them in SQL.
 */
export function runTitleParts(template: string): RunTitlePart[] {
  return parseTemplate(template).map((part) => {
    if (part.kind === "text") return { text: part.text };
    const [root, ...rest] = parsePath(part.expression) ?? [];
    return { trigger: root === "trigger" && rest.length > 0 ? rest : null };
  });
}
