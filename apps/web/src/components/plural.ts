// The one way the app writes a count with its noun ("1 key", "3 keys"). English plural rules from
// Intl, so a new noun needs only its forms, never another `count === 1 ? … : …`.

const rules = new Intl.PluralRules("en");
const numbers = new Intl.NumberFormat("en");

/**
 * "1 run", "1,204 runs": the count and the noun in the form it takes. `many` is the plural when it
 * is not the noun plus "s" ("entry" → "entries").
 */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${numbers.format(count)} ${rules.select(count) === "one" ? one : many}`;
}
