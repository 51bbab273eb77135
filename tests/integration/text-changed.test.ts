import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { clearTextChanged } from "@/lib/server/services/annotations/clear-text-changed";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { getAnnotation } from "@/lib/server/services/annotations/find-annotations";
import { createComparison } from "@/lib/server/services/comparisons/create-comparison";
import { createSource } from "@/lib/server/services/sources/create-source";
import { updateSourceText } from "@/lib/server/services/sources/update-source-text";
import { addMember, ownerWithWorkspace, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

const CAPTION = "Photo: residents carry sandbags to the mill quarter.";
const TEXT = [
  CAPTION,
  "The river council opened the north sluice on Friday night, flooding the old mill quarter.",
  "Council chair Edda Brun said the decision saved the town centre from a far worse flood.",
  CAPTION,
  "Residents of the mill quarter said nobody warned them before the water arrived.",
].join("\n");

async function setup() {
  const { owner, workspace } = await ownerWithWorkspace("Editor");
  const comparison = await createComparison(owner, workspace.slug, { title: "Sluice opening", eventDate: "2025-03-07" });
  const source = await createSource(owner, workspace.slug, comparison.slug, { content: { kind: "paste", text: TEXT }, metadata: { title: "Sluice", outletName: "Valley Gazette" } });
  const reviewer = await signUp("Reviewer");
  await addMember(owner, workspace.slug, { email: reviewer.email, role: "REVIEWER" });
  const tag = await db().tag.findFirstOrThrow({ where: { tagSet: { comparisonId: comparison.id }, name: "Loaded language" } });
  const annotate = (by: typeof owner, words: string, from = 0) => {
    const start = TEXT.indexOf(words, from);
    return createAnnotation(by, comparison.id, { sourceId: source.id, revisionNumber: 1, start, end: start + words.length, tagIds: [tag.id], comment: "" });
  };
  const edit = (text: string, baseRevision: number) => updateSourceText(owner, workspace.slug, comparison.slug, source.id, { text, baseRevision });
  return { owner, reviewer, comparison, source, annotate, edit };
}

async function code(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("re-anchoring after a text edit", () => {
  it("keeps an untouched quote on its own copy and marks one whose words changed, with the words before and after", async () => {
    const { owner, comparison, annotate, edit } = await setup();
    const second = await annotate(owner, CAPTION, 1);
    const changed = await annotate(owner, "the decision saved the town centre from a far worse flood");
    // The second caption's context is rewritten; a word of the other quote changes.
    const text = TEXT.replace("Residents of the mill quarter", "People downstream").replace("a far worse flood", "a much worse flood");
    expect(await edit(text, 1)).toMatchObject({ revision: 2, changed: true });

    const kept = await getAnnotation(owner, comparison.id, second.id);
    expect(kept.target.start).toBe(text.lastIndexOf(CAPTION));
    expect(kept).toMatchObject({ anchor: { status: "EXACT" }, textChanged: null });

    const moved = await getAnnotation(owner, comparison.id, changed.id);
    expect(moved.anchor.status).toBe("FUZZY");
    expect(moved.target.exact).toBe("the decision saved the town centre from a much worse flood");
    expect(moved.textChanged?.previousQuote).toBe("the decision saved the town centre from a far worse flood");

    // A second edit keeps the words the tags were chosen for; undoing the edit clears the mark.
    await edit(text.replace("a much worse flood", "a much worse flooding"), 2);
    const again = await getAnnotation(owner, comparison.id, changed.id);
    expect(again.textChanged?.previousQuote).toBe("the decision saved the town centre from a far worse flood");
    await edit(TEXT, 3);
    expect((await getAnnotation(owner, comparison.id, changed.id)).textChanged).toBeNull();
  });

  it("clears the mark in one versioned, audited step, for its author or an editor only", async () => {
    const { owner, reviewer, comparison, annotate, edit } = await setup();
    const mine = await annotate(reviewer, "nobody warned them before the water arrived");
    const theirs = await annotate(owner, "opened the north sluice on Friday night");
    await edit(TEXT.replace("nobody warned them", "nobody told them").replace("on Friday night", "on Friday evening"), 1);

    const marked = await getAnnotation(reviewer, comparison.id, theirs.id);
    expect(marked.textChanged).not.toBeNull();
    expect(await code(clearTextChanged(reviewer, comparison.id, theirs.id, { version: marked.version }))).toBe("FORBIDDEN");

    const own = await getAnnotation(reviewer, comparison.id, mine.id);
    expect(await code(clearTextChanged(reviewer, comparison.id, mine.id, { version: own.version + 1 }))).toBe("CONFLICT");
    const cleared = await clearTextChanged(reviewer, comparison.id, mine.id, { version: own.version });
    expect(cleared).toMatchObject({ textChanged: null, version: own.version + 1, target: { exact: "nobody told them before the water arrived" } });
    expect(await code(clearTextChanged(reviewer, comparison.id, mine.id, { version: cleared.version }))).toBe("CONFLICT");

    const byEditor = await clearTextChanged(owner, comparison.id, theirs.id, { version: marked.version });
    expect(byEditor.textChanged).toBeNull();
    const audit = await db().auditEvent.findMany({ where: { action: "annotation.text-change-cleared" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => [e.entityId, e.actorId])).toEqual([
      [mine.id, reviewer.id],
      [theirs.id, owner.id],
    ]);
    expect(audit[0]!.data).toEqual({ previousQuote: "nobody warned them before the water arrived", exact: "nobody told them before the water arrived" });
  });
});
