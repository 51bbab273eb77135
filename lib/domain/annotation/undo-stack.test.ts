import { describe, expect, it } from "vitest";
import { applied, changedParts, dropped, emptyStack, inverse, joinWords, peek, record, reversal, versionAfterStep, type AnnotationSnapshot, type Done, type Step, type UndoStack } from "./undo-stack";

type F = { tagIds: string[] };
const A: F = { tagIds: ["a"] };
const B: F = { tagIds: ["b"] };

const created = (id: string, label = `create ${id}`): Done<F> => ({ op: "create", entity: "annotation", id, label, versionAfter: 1 });

describe("reversal: what undoes each kind of change", () => {
  it.each<[string, Done<F>, Step<F>]>([
    ["a created annotation is deleted at the version it was created with", created("x"), { op: "delete", entity: "annotation", id: "x", version: 1 }],
    ["a deleted annotation is restored at the version its delete left", { op: "delete", entity: "annotation", id: "x", label: "", versionAfter: 4 }, { op: "restore", entity: "annotation", id: "x", version: 4 }],
    ["an edit is edited back, from the version it left", { op: "update", entity: "annotation", id: "x", label: "", versionAfter: 3, before: A, after: B }, { op: "update", entity: "annotation", id: "x", version: 3, fields: A, previous: B }],
    ["a created relation is deleted", { op: "create", entity: "relation", id: "r", label: "", versionAfter: 1 }, { op: "delete", entity: "relation", id: "r", version: 1 }],
    ["a deleted relation is restored", { op: "delete", entity: "relation", id: "r", label: "", versionAfter: 2 }, { op: "restore", entity: "relation", id: "r", version: 2 }],
  ])("%s", (_name, done, step) => {
    expect(reversal(done)).toEqual(step);
  });
});

describe("inverse: the way back from a step once written", () => {
  it.each<[string, Step<F>, number, Step<F>]>([
    ["a delete by a restore at the new version", { op: "delete", entity: "annotation", id: "x", version: 1 }, 2, { op: "restore", entity: "annotation", id: "x", version: 2 }],
    ["a restore by a delete", { op: "restore", entity: "relation", id: "r", version: 2 }, 3, { op: "delete", entity: "relation", id: "r", version: 3 }],
    ["an edit back by the edit again", { op: "update", entity: "annotation", id: "x", version: 3, fields: A, previous: B }, 4, { op: "update", entity: "annotation", id: "x", version: 4, fields: B, previous: A }],
  ])("%s", (_name, step, versionAfter, expected) => {
    expect(inverse(step, versionAfter)).toEqual(expected);
  });

  it("twice is the step itself at the newer version", () => {
    const step: Step<F> = { op: "update", entity: "annotation", id: "x", version: 3, fields: A, previous: B };
    expect(inverse(inverse(step, 4), 5)).toEqual({ ...step, version: 5 });
  });

  it("deletes and restores leave the version one up", () => {
    expect(versionAfterStep({ op: "delete", entity: "annotation", id: "x", version: 7 })).toBe(8);
  });
});

describe("the stacks", () => {
  const labels = (stack: UndoStack<F>) => ({ undo: stack.undo.map((c) => c.label), redo: stack.redo.map((c) => c.label) });

  it("undo takes the latest change, redo brings it back, in order", () => {
    let stack = record(record(record(emptyStack<F>(), created("a")), created("b")), created("c"));
    expect(peek(stack, "undo")?.label).toBe("create c");
    stack = applied(stack, "undo", 2);
    stack = applied(stack, "undo", 2);
    expect(labels(stack)).toEqual({ undo: ["create a"], redo: ["create c", "create b"] });
    expect(peek(stack, "redo")).toEqual({ label: "create b", step: { op: "restore", entity: "annotation", id: "b", version: 2 } });
    stack = applied(stack, "redo", 3);
    expect(labels(stack)).toEqual({ undo: ["create a", "create b"], redo: ["create c"] });
    expect(peek(stack, "undo")?.step).toEqual({ op: "delete", entity: "annotation", id: "b", version: 3 });
  });

  it("create, retag, delete of one annotation undo and redo at the versions the user's own writes left", () => {
    let stack = record(emptyStack<F>(), created("x", "create"));
    stack = record(stack, { op: "update", entity: "annotation", id: "x", label: "retag", versionAfter: 2, before: A, after: B });
    stack = record(stack, { op: "delete", entity: "annotation", id: "x", label: "delete", versionAfter: 3 });
    stack = record(stack, created("y", "other"));
    expect(stack.undo.map((c) => [c.label, c.step.op, c.step.version])).toEqual([["create", "delete", 3], ["retag", "update", 3], ["delete", "restore", 3], ["other", "delete", 1]]);
    stack = applied(stack, "undo", 2);
    stack = applied(stack, "undo", 4);
    expect(peek(stack, "undo")?.step).toEqual({ op: "update", entity: "annotation", id: "x", version: 4, fields: A, previous: B });
    stack = applied(stack, "undo", 5);
    stack = applied(stack, "undo", 6);
    expect(stack.redo.map((c) => [c.label, c.step.op, c.step.version])).toEqual([["other", "restore", 2], ["delete", "delete", 6], ["retag", "update", 6], ["create", "restore", 6]]);
    stack = applied(stack, "redo", 7);
    expect(stack.redo.map((c) => c.step.version)).toEqual([2, 7, 7]);
    expect(peek(stack, "undo")?.step).toEqual({ op: "delete", entity: "annotation", id: "x", version: 7 });
  });

  it("a relation and an annotation with the same id are different things", () => {
    let stack = record(emptyStack<F>(), created("x"));
    stack = record(stack, { op: "create", entity: "relation", id: "x", label: "link", versionAfter: 1 });
    stack = applied(stack, "undo", 2);
    expect(peek(stack, "undo")?.step.version).toBe(1);
  });

  it("a new change after an undo makes the undone ones unredoable", () => {
    let stack = applied(record(record(emptyStack<F>(), created("a")), created("b")), "undo", 2);
    expect(stack.redo).toHaveLength(1);
    stack = record(stack, created("c"));
    expect(labels(stack)).toEqual({ undo: ["create a", "create c"], redo: [] });
  });

  it.each([
    ["keeps the latest changes up to the depth", 3, 5, ["create 2", "create 3", "create 4"]],
    ["keeps all below the depth", 10, 4, ["create 0", "create 1", "create 2", "create 3"]],
    ["a depth of one keeps only the latest", 1, 3, ["create 2"]],
  ] as const)("%s", (_name, depth, changes, expected) => {
    let stack = emptyStack<F>();
    for (let i = 0; i < changes; i++) stack = record(stack, created(String(i)), depth);
    expect(labels(stack).undo).toEqual(expected);
  });

  it("redo is bounded by the depth too", () => {
    let stack = emptyStack<F>();
    for (let i = 0; i < 3; i++) stack = record(stack, created(String(i)));
    for (let i = 0; i < 3; i++) stack = applied(stack, "undo", 2, 2);
    expect(labels(stack)).toEqual({ undo: [], redo: ["create 1", "create 0"] });
  });

  it.each(["undo", "redo"] as const)("%s on an empty stack does nothing", (direction) => {
    const stack = emptyStack<F>();
    expect(peek(stack, direction)).toBeNull();
    expect(applied(stack, direction, 1)).toBe(stack);
  });

  it("a refused change is dropped, so the next press reaches the one below", () => {
    const stack = dropped(record(record(emptyStack<F>(), created("a")), created("b")), "undo");
    expect(labels(stack)).toEqual({ undo: ["create a"], redo: [] });
  });
});

describe("changedParts: what someone else changed", () => {
  const held: AnnotationSnapshot = { tagNames: ["Euphemism", "Loaded"], comment: "mine", claim: null, resolved: false, hidden: false };
  it.each<[string, AnnotationSnapshot | null, string[]]>([
    ["nothing", { ...held, tagNames: ["Loaded", "Euphemism"] }, []],
    ["deleted", null, ["deleted it"]],
    ["tags", { ...held, tagNames: ["Loaded"] }, ["retagged it (now Loaded)"]],
    ["comment", { ...held, comment: "theirs" }, ["changed its comment to “theirs”"]],
    ["comment removed", { ...held, comment: null }, ["removed its comment"]],
    ["claim added", { ...held, claim: "SUPPORTED" }, ["changed its claim"]],
    ["resolved and hidden", { ...held, resolved: true, hidden: true }, ["marked it resolved", "hid it"]],
  ])("%s", (_name, now, expected) => {
    expect(changedParts(held, now)).toEqual(expected);
  });

  it.each([
    [[], ""],
    [["a"], "a"],
    [["a", "b"], "a and b"],
    [["a", "b", "c"], "a, b and c"],
  ])("joins %j", (words, expected) => {
    expect(joinWords(words)).toBe(expected);
  });
});
