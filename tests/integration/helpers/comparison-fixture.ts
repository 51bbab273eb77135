import { createComparison } from "@/lib/server/services/comparisons/create-comparison";
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
