import { createComparison } from "@/lib/server/services/comparisons/create-comparison";
import { setPassage } from "@/lib/server/services/passages/set-passage";
import { createSource } from "@/lib/server/services/sources/create-source";
import type { Db } from "@/lib/server/db/client";
import { addMember, ownerWithWorkspace, signUp } from "./factories";

export const ARTICLE = [
  "Officials opened the spillway at dawn to protect the city centre from the rising river.",
  "",
  "Critics called the decision reckless and said the harbour district was sacrificed.",
].join("\n");

/** A comparison with one source, its owner, two reviewers and a viewer; `ownerName` also names the workspace. */
export async function annotatedComparison(db: () => Db, ownerName = "Editor") {
  const { owner, workspace } = await ownerWithWorkspace(ownerName);
  const comparison = await createComparison(owner, workspace.slug, { title: "Spillway" });
  const source = await createSource(owner, workspace.slug, comparison.slug, {
    content: { kind: "paste", text: ARTICLE },
    metadata: { title: "Spillway opened", outletName: "City Daily" },
  });
  const [reviewer, colleague, viewer] = [await signUp("Rita Reviewer"), await signUp("Colm Colleague"), await signUp("Vic Viewer")];
  await addMember(owner, workspace.slug, { email: reviewer.email, role: "REVIEWER" });
  await addMember(owner, workspace.slug, { email: colleague.email, role: "REVIEWER" });
  await addMember(owner, workspace.slug, { email: viewer.email, role: "VIEWER" });
  const tags = await db().tag.findMany({ where: { tagSet: { comparisonId: comparison.id } }, include: { tagSet: true } });
  const tag = (name: string) => tags.find((t) => t.name === name)!.id;
  const span = (words: string) => ({ sourceId: source.id, revisionNumber: 1, start: ARTICLE.indexOf(words), end: ARTICLE.indexOf(words) + words.length });
  return { owner, workspace, comparison, source, reviewer, colleague, viewer, tag, span };
}

/**
 * The fixture's comparison with a second outlet whose text is `rivalText`, and a fact row
 * joining the first source's spillway sentence with `rivalPassage` (which must be in it).
 */
export async function twoOutletComparison(db: () => Db, rivalText: string, rivalPassage: string) {
  const f = await annotatedComparison(db);
  const rival = await createSource(f.owner, f.workspace.slug, f.comparison.slug, {
    content: { kind: "paste", text: rivalText },
    metadata: { title: "Harbour flooded", outletName: "Harbour Herald" },
  });
  const rivalSpan = (words: string) => ({ sourceId: rival.id, revisionNumber: 1, start: rivalText.indexOf(words), end: rivalText.indexOf(words) + words.length });
  const { factRowId } = await setPassage(f.owner, f.workspace.slug, f.comparison.slug, { label: "The spillway", ...f.span("Officials opened the spillway at dawn") });
  await setPassage(f.owner, f.workspace.slug, f.comparison.slug, { factRowId, ...rivalSpan(rivalPassage) });
  return { ...f, rival, rivalSpan, loaded: f.tag("Loaded language"), euphemism: f.tag("Euphemism") };
}
