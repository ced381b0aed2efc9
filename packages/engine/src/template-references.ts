// Every `{{ … }}` a step's input mentions, found without resolving anything: what publishing checks
// ("does this step exist, and does it run earlier?") and what the editor uses to show dependencies.
import { isEachMapping, isUnchosenEachSource } from "./mapping-schema";
import { isPlainObject, ownEntries, readOwn } from "./plain-data";
import { parsePath, parseTemplate, wholeTemplateExpression } from "./template-path";

export interface TemplateReference {
  /** Where the reference is written, e.g. `["LineItems", "$map", "UnitAmount"]` (`$map`: inside `$each`). */
  at: (string | number)[];
  /** As written (normalised), e.g. `{{line.price}}`. */
  template: string;
  /** The parsed path, or `undefined` when the text between the braces is not a path. */
  segments: string[] | undefined;
  /** `$each` item names visible where the reference is written, outermost first. */
  itemNames: string[];
}

/** The step keys a reference reads from: `steps.<key>.…` gives `key`. */
export function referencedStepKey(reference: TemplateReference): string | undefined {
  const [root, key] = reference.segments ?? [];
  return root === "steps" ? key : undefined;
}

export function listTemplateReferences(mapping: unknown): TemplateReference[] {
  const references: TemplateReference[] = [];
  collect(mapping, [], [], references);
  return references;
}

function collect(mapping: unknown, at: (string | number)[], itemNames: string[], into: TemplateReference[]): void {
  if (typeof mapping === "string") {
    for (const part of parseTemplate(mapping)) {
      if (part.kind === "reference") {
        into.push({ at, template: `{{${part.expression}}}`, segments: parsePath(part.expression), itemNames });
      }
    }
    return;
  }
  if (Array.isArray(mapping)) {
    mapping.forEach((_, index) => {
      collect(readOwn(mapping, String(index)), [...at, index], itemNames, into);
    });
    return;
  }
  if (isEachMapping(mapping)) {
    const source = readOwn(mapping, "$each");
    const name = readOwn(mapping, "as");
    // A list not chosen yet references nothing: the switch-on check asks for it by the field's name.
    if (typeof source === "string" && !isUnchosenEachSource(source)) {
      const expression = wholeTemplateExpression(source) ?? source;
      into.push({ at: [...at, "$each"], template: `{{${expression}}}`, segments: parsePath(expression), itemNames });
    }
    const inner = typeof name === "string" ? [...itemNames, name] : itemNames;
    collect(readOwn(mapping, "map"), [...at, "$map"], inner, into);
    return;
  }
  if (isPlainObject(mapping)) {
    for (const [key, value] of ownEntries(mapping)) collect(value, [...at, key], itemNames, into);
  }
}
