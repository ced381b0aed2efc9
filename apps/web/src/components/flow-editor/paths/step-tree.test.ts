import {
  createEmptyFlowDefinition,
  type FlowDefinition,
  type FlowNode,
  type FlowStep,
  findPlace,
  flowDefinitionSchema,
  listSteps,
  MAX_PATHS,
  type PathsStep,
} from "@ledgerflow/engine";
import { describe, expect, it } from "vitest";
import {
  addPath,
  canAddPaths,
  countSteps,
  insertNode,
  listDepth,
  locate,
  moveNode,
  newPathsStep,
  removeNode,
  removePath,
  replaceNode,
  updateList,
  updatePath,
} from "./step-tree";

// The editor's tree changes: any list, immutably, a Paths step always last, and what comes out is
// a definition the schema (and so the autosave) accepts.

const step = (key: string): FlowStep => ({ key, action: "formatter.changeCase", input: {} });

/** filter → Paths (card: contact, then Paths (big: invoice) ; transfer: payment ; otherwise: note). */
function tree(): FlowNode[] {
  const inner: PathsStep = {
    key: "by_size",
    type: "paths",
    runs: "first",
    paths: [{ key: "big", name: "Big", conditions: [], steps: [step("invoice")] }],
  };
  return [
    step("filter"),
    {
      key: "by_method",
      type: "paths",
      runs: "all",
      paths: [
        { key: "card", name: "Card payments", conditions: [], steps: [step("contact"), inner] },
        { key: "transfer", name: "Bank transfers", conditions: [], steps: [step("payment")] },
      ],
      otherwise: { steps: [step("note")] },
    },
  ];
}

const definition = (steps: FlowNode[]): FlowDefinition => ({ ...createEmptyFlowDefinition(), steps });
const keys = (steps: FlowNode[]) => listSteps(definition(steps)).map((place) => place.node.key);
const valid = (steps: FlowNode[]) => flowDefinitionSchema.safeParse(definition(steps)).success;

describe("the editor's step tree", () => {
  it("replaces a step anywhere, keeping every untouched list as it was", () => {
    const before = tree();
    const after = replaceNode(before, { ...step("invoice"), input: { text: "x" } });
    expect(keys(after)).toEqual(keys(before));
    const paths = after[1] as PathsStep;
    expect(findPlace(definition(after), "invoice")?.node).toMatchObject({ input: { text: "x" } });
    // Only the lists on the way to the step are new.
    expect(after[0]).toBe(before[0]);
    expect(paths.paths[1]).toBe((before[1] as PathsStep).paths[1]);
    expect(paths.otherwise).toBe((before[1] as PathsStep).otherwise);
    expect(replaceNode(before, step("missing"))).toBe(before);
  });

  it("removes a step or a whole Paths step with its paths", () => {
    expect(keys(removeNode(tree(), "payment"))).toEqual([
      "filter",
      "by_method",
      "contact",
      "by_size",
      "invoice",
      "note",
    ]);
    expect(keys(removeNode(tree(), "by_size"))).toEqual(["filter", "by_method", "contact", "payment", "note"]);
    expect(keys(removeNode(tree(), "by_method"))).toEqual(["filter"]);
  });

  it("adds a step at the end of a list, before the Paths step that ends it", () => {
    expect(keys(insertNode(tree(), { paths: "by_method", path: "transfer" }, step("extra")))).toEqual([
      "filter",
      "by_method",
      "contact",
      "by_size",
      "invoice",
      "payment",
      "extra",
      "note",
    ]);
    const onMain = insertNode(tree(), null, step("extra"));
    expect(onMain.map((node) => node.key)).toEqual(["filter", "extra", "by_method"]);
    const inCard = insertNode(tree(), { paths: "by_method", path: "card" }, step("extra"));
    expect(((inCard[1] as PathsStep).paths[0]?.steps ?? []).map((node) => node.key)).toEqual([
      "contact",
      "extra",
      "by_size",
    ]);
    const inOtherwise = insertNode(tree(), { paths: "by_method", path: "otherwise" }, step("extra"));
    expect((inOtherwise[1] as PathsStep).otherwise?.steps.map((node) => node.key)).toEqual(["note", "extra"]);
    expect(valid(onMain) && valid(inCard) && valid(inOtherwise)).toBe(true);
  });

  it("adds Paths with Path A and Path B at the end of a list, which the schema accepts once named", () => {
    const added = insertNode([step("filter")], { paths: "x", path: "y" }, newPathsStep("paths"));
    expect(added).toEqual([step("filter")]);
    const steps = insertNode([step("filter")], null, newPathsStep("paths"));
    expect(steps[1]).toEqual({
      key: "paths",
      type: "paths",
      runs: "all",
      paths: [
        { key: "path_a", name: "Path A", conditions: [], steps: [] },
        { key: "path_b", name: "Path B", conditions: [], steps: [] },
      ],
    });
    expect(valid(steps)).toBe(true);
  });

  it("moves a step within its own list only, never past the Paths step that ends it", () => {
    const withTwo = insertNode(tree(), { paths: "by_method", path: "card" }, step("extra"));
    const cardKeys = (steps: FlowNode[]) => ((steps[1] as PathsStep).paths[0]?.steps ?? []).map((node) => node.key);
    expect(cardKeys(moveNode(withTwo, "extra", 0))).toEqual(["extra", "contact", "by_size"]);
    expect(moveNode(withTwo, "contact", 2)).toBe(withTwo);
    expect(moveNode(withTwo, "by_size", 0)).toBe(withTwo);
    expect(moveNode(withTwo, "contact", -1)).toBe(withTwo);
    const main = [step("a"), step("b"), step("c")];
    expect(moveNode(main, "a", 2).map((node) => node.key)).toEqual(["b", "c", "a"]);
    expect(moveNode(main, "c", 1).map((node) => node.key)).toEqual(["a", "c", "b"]);
  });

  it("finds which list holds a step and how deep lists are", () => {
    const steps = tree();
    expect(locate(steps, "filter")).toEqual({ at: null, position: 0 });
    expect(locate(steps, "by_size")).toEqual({ at: { paths: "by_method", path: "card" }, position: 1 });
    expect(locate(steps, "invoice")).toEqual({ at: { paths: "by_size", path: "big" }, position: 0 });
    expect(locate(steps, "note")).toEqual({ at: { paths: "by_method", path: "otherwise" }, position: 0 });
    expect(locate(steps, "missing")).toBeUndefined();
    const flow = definition(steps);
    expect(listDepth(flow, null)).toBe(0);
    expect(listDepth(flow, { paths: "by_method", path: "transfer" })).toBe(1);
    expect(listDepth(flow, { paths: "by_size", path: "big" })).toBe(2);
  });

  it("offers Paths only at the end of a list that has none, at most three levels deep", () => {
    const steps = tree();
    const flow = definition(steps);
    expect(canAddPaths(flow, null, steps)).toBe(false);
    expect(canAddPaths(flow, { paths: "by_method", path: "transfer" }, [step("payment")])).toBe(true);
    expect(canAddPaths(flow, { paths: "by_size", path: "big" }, [step("invoice")])).toBe(true);
    const deepest = updateList(steps, { paths: "by_size", path: "big" }, (list) => [...list, newPathsStep("third")]);
    expect(valid(deepest)).toBe(true);
    expect(canAddPaths(definition(deepest), { paths: "third", path: "path_a" }, [])).toBe(false);
    const tooDeep = updateList(deepest, { paths: "third", path: "path_a" }, () => [newPathsStep("fourth")]);
    expect(valid(tooDeep)).toBe(false);
  });

  it("adds paths lettered after the ones there, up to the limit, and removes them", () => {
    let node = newPathsStep("paths");
    node = updatePath(node, "path_a", (path) => ({ ...path, name: "Card payments" }));
    node = addPath(node);
    expect(node.paths.map((path) => [path.key, path.name])).toEqual([
      ["path_a", "Card payments"],
      ["path_b", "Path B"],
      ["path_c", "Path C"],
    ]);
    node = removePath(node, "path_b");
    expect(addPath(node).paths.at(-1)).toMatchObject({ key: "path_b", name: "Path B" });
    while (node.paths.length < MAX_PATHS) node = addPath(node);
    expect(addPath(node)).toBe(node);
    // The last path stays: a Paths step has at least one.
    let one = node;
    for (const path of node.paths) one = removePath(one, path.key);
    expect(one.paths).toHaveLength(1);
    const withOtherwise = { ...node, otherwise: { steps: [] } };
    expect(removePath(withOtherwise, "otherwise")).toEqual(node);
  });

  it("counts the steps of a list and of the paths inside it", () => {
    expect(countSteps(tree())).toBe(7);
    expect(countSteps((tree()[1] as PathsStep).paths[0]?.steps ?? [])).toBe(3);
  });
});
