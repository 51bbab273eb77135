import path from "node:path";
import { importFolder } from "@/lib/server/cli/import-folder";
import type { Db } from "@/lib/server/db/client";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { deleteAnnotation, setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { getComparisonBySlug } from "@/lib/server/services/comparisons/get-comparison-by-slug";
import { addMember, ownerWithWorkspace, signUp } from "./factories";

/** The shared corpus: real articles, read at run time (never copied into the repository). */
export const CORPUS = path.resolve(import.meta.dirname, "../../../../shared/corpus/soleimani-anniversaries");

/** Offsets of `count` whole words of `text`, starting at word `first`. */
function words(text: string, first: number, count: number) {
  const all = [...text.matchAll(/\S+/g)];
  const from = all[first]!;
  const to = all[first + count - 1]!;
  return { start: from.index, end: to.index + to[0].length };
}

/** The first word with a flag emoji (surrogate pairs), else with another non-ASCII character, and its neighbours. */
function nonAsciiWords(text: string) {
  const all = [...text.matchAll(/\S+/g)];
  const flag = all.findIndex((m) => /\p{Regional_Indicator}/u.test(m[0]));
  const at = flag >= 0 ? flag : all.findIndex((m) => /[^ -~]/.test(m[0]));
  return words(text, Math.max(0, at - 1), 3);
}

/**
 * The corpus imported as a comparison, annotated by its editor and a reviewer with the
 * cases an export has to get right: claims by a quoted party and by the outlet, evidence
 * links (one with non-ASCII characters), several tags from several tag sets (one name in
 * two sets), no comment, a comment with quotes, line breaks and a formula-like start,
 * quotes with emoji and curly quotes, spans at the very start and end of a text, an
 * author with accents. One annotation is hidden and one deleted: exports leave both out.
 */
export async function corpusComparison(db: () => Db) {
  const { owner, workspace } = await ownerWithWorkspace("Corpus Editor");
  const reviewer = await signUp("Zoë Ñúñez");
  await addMember(owner, workspace.slug, { email: reviewer.email, role: "REVIEWER" });
  const imported = await importFolder({ folder: CORPUS, workspace: workspace.slug });
  if (!imported.saved) throw new Error(`The corpus import failed: ${JSON.stringify(imported.lines)}`);
  const { comparison } = await getComparisonBySlug(owner, workspace.slug, imported.comparison);
  const sources = comparison.sources.map((s) => ({ id: s.id, title: s.title, outlet: s.outlet?.name ?? null, text: s.currentRevision!.text }));
  const tags = await db().tag.findMany({ where: { tagSet: { comparisonId: comparison.id } }, include: { tagSet: true } });
  const tag = (setKey: string, name: string) => tags.find((t) => t.tagSet.key === setKey && t.name === name)!.id;
  const at = (index: number, span: { start: number; end: number }) => ({ sourceId: sources[index]!.id, revisionNumber: 1, ...span });

  const [first, second, third, fourth, fifth] = sources.map((s) => s.text);
  const inputs: { actor: typeof owner; input: Record<string, unknown> }[] = [
    {
      actor: owner,
      input: {
        ...at(0, words(first!, 20, 6)),
        tagIds: [tag("framing-devices", "Loaded language"), tag("persuasion-techniques", "Loaded language"), tag("frame-dimensions", "Security and defense")],
        comment: '=Compare "this" wording,\nthen the next outlet\'s.',
        claim: { asserter: "QUOTED_PARTY", assertedBy: "a spokesman, “quoted”", status: "DISPUTED", evidence: ["https://example.org/fact-check/1", "https://example.org/vérification/ß"] },
      },
    },
    { actor: owner, input: { ...at(1, words(second!, 0, 4)), tagIds: [tag("framing-devices", "Headline/lead emphasis")] } },
    {
      actor: reviewer,
      input: {
        ...at(2, words(third!, 30, 8)),
        tagIds: [tag("framing-devices", "Attribution")],
        claim: { asserter: "OUTLET", status: "UNVERIFIED" },
      },
    },
    {
      actor: reviewer,
      input: { ...at(3, nonAsciiWords(fourth!)), tagIds: [tag("framing-devices", "Labeling")], comment: "Zoë: emoji and dashes — kept as they are 🌊" },
    },
    {
      actor: owner,
      input: {
        ...at(4, { start: fifth!.trimEnd().length - 12, end: fifth!.trimEnd().length }),
        tagIds: [tag("frame-dimensions", "Political"), tag("persuasion-techniques", "Doubt")],
        comment: "-2 points for vagueness",
        claim: { asserter: "OUTLET", status: "SUPPORTED", evidence: ["https://example.org/source"] },
      },
    },
    { actor: reviewer, input: { ...at(3, nonAsciiWords(fourth!)), tagIds: [tag("frame-dimensions", "Cultural identity")] } },
  ];
  const created = [];
  for (const { actor, input } of inputs) created.push(await createAnnotation(actor, comparison.id, input));

  const hidden = await createAnnotation(reviewer, comparison.id, { ...at(0, words(first!, 40, 3)), tagIds: [tag("framing-devices", "Euphemism")] });
  await setAnnotationHidden(owner, comparison.id, hidden.id, { hidden: true, version: 1, reason: "Duplicate of another one." });
  const deleted = await createAnnotation(owner, comparison.id, { ...at(1, words(second!, 10, 3)), tagIds: [tag("framing-devices", "Euphemism")] });
  await deleteAnnotation(owner, comparison.id, deleted.id, { version: 1 });

  return { owner, reviewer, workspace, comparison, sources, annotations: created, hiddenId: hidden.id, deletedId: deleted.id };
}
