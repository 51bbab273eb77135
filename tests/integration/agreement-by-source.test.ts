/**
 * The agreement page's figures, kept per source and added up (lib/domain/agreement/source-figures.ts),
 * against the computation they replaced: every counted annotation read at once and measured
 * with pooledAgreement, tagSetSpanAgreement and disagreements. Varied data: four coders,
 * overlapping spans, annotations without tags, hidden, deleted and orphaned ones, a source
 * edited since (annotations on its old revision do not count), and a write to one source
 * after the figures were kept.
 */
import { describe, expect, it } from "vitest";
import { disagreements, NO_VALUE, pooledAgreement, tagSetDocuments, tagSetSpanAgreement, tokenUnits, VALUE_SEPARATOR, type AlphaSummary } from "@/lib/domain/agreement";
import { seededRandom } from "@/lib/domain/seeded-random";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/server/actor";
import { forgetAgreementFigures, getAgreement } from "@/lib/server/services/agreement/get-agreement";
import { createSource } from "@/lib/server/services/sources/create-source";
import { revisionFields } from "@/lib/server/services/sources/revision-fields";
import { annotatedComparison } from "./helpers/comparison-fixture";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

const TEXTS = [
  "The ministry called the strike a decisive defensive action, while witnesses described heavy shelling of the town.",
  "Residents said the convoy was attacked near the bridge; officials insisted the operation was precise and limited.",
];
const EDITED = "Residents said the convoy was hit near the old bridge at night; officials insisted the operation was precise.";

type Fixture = Awaited<ReturnType<typeof annotatedComparison>>;

/** The figures as getAgreement computed them before they were kept per source: every counted annotation at once. */
async function allAtOnce(f: Fixture) {
  const counted: Prisma.AnnotationWhereInput = { comparisonId: f.comparison.id, deletedAt: null, hiddenAt: null, anchorStatus: { not: "ORPHANED" } };
  const rows = await db().annotation.findMany({ where: counted, select: { sourceId: true, revisionId: true, start: true, end: true, author: { select: { id: true, name: true } }, tags: { select: { tagId: true } } } });
  const tagSets = await db().tagSet.findMany({ where: { comparisonId: f.comparison.id }, orderBy: { position: "asc" }, select: { id: true, name: true, tags: { orderBy: { position: "asc" }, select: { id: true, name: true } } } });
  const sources = await db().source.findMany({ where: { comparisonId: f.comparison.id }, orderBy: { position: "asc" }, select: { id: true, title: true, outlet: { select: { name: true } }, currentRevision: { select: { id: true, text: true } } } });
  const coders = [...new Map(rows.map((a) => [a.author.id, a.author])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const coderIds = coders.map((c) => c.id);
  const tagName = new Map(tagSets.flatMap((s) => s.tags.map((t) => [t.id, t.name] as const)));
  const texts = sources.flatMap((s) => (s.currentRevision ? [{ ...s, revision: s.currentRevision, units: tokenUnits(s.currentRevision.text) }] : []));
  const current = new Map(texts.map((t) => [t.id, t.revision.id]));
  const spans = rows.filter((a) => current.get(a.sourceId) === a.revisionId).map((a) => ({ textId: a.sourceId, coderId: a.author.id, start: a.start, end: a.end, tagIds: a.tags.map((t) => t.tagId) }));
  const spanTexts = texts.map((t) => ({ id: t.id, length: t.revision.text.length }));
  return {
    coders,
    sets: tagSets.map((set) => {
      const ids = new Set(set.tags.map((t) => t.id));
      const documents = tagSetDocuments(texts, spans, ids);
      const { combined, perValue } = pooledAgreement(coderIds, documents, set.tags.map((t) => t.id));
      const span = tagSetSpanAgreement(spanTexts, spans, coderIds, ids);
      return {
        name: set.name,
        combined,
        perTag: perValue.filter((v) => v.status !== "insufficient-data" && v.pairableUnits > 0),
        span: { alphaU: span.alphaU, sources: span.textIds.length, perTag: span.perTag },
        disagreements: documents.flatMap((doc) =>
          disagreements(doc.units, doc.coders).map((d) => ({
            sourceId: doc.text.id,
            start: d.start,
            end: d.end,
            text: doc.text.revision.text.slice(d.start, d.end),
            values: d.values
              .map((v) => ({ coder: coders.find((c) => c.id === v.coderId)!.name, tags: v.value === NO_VALUE ? [] : v.value.split(VALUE_SEPARATOR).map((id) => tagName.get(id)!) }))
              .sort((a, b) => a.coder.localeCompare(b.coder)),
          })),
        ),
      };
    }),
  };
}

function expectClose(actual: number | null, expected: number | null, where: string) {
  if (expected === null) expect(actual, where).toBeNull();
  else expect(actual!, where).toBeCloseTo(expected, 12);
}

function expectSameSummary(actual: AlphaSummary, expected: AlphaSummary, where: string) {
  expect([actual.status, actual.pairableUnits], where).toEqual([expected.status, expected.pairableUnits]);
  expectClose(actual.alpha, expected.alpha, `${where} alpha`);
  expectClose(actual.observedAgreement, expected.observedAgreement, `${where} raw agreement`);
}

/** The counted annotations are the same for editors and reviewers: neither counts hidden ones (students may not see agreement). */
async function expectFiguresOfAllAtOnce(f: Fixture, actor: Actor) {
  const page = await getAgreement(actor, f.workspace.slug, f.comparison.slug);
  const want = await allAtOnce(f);
  expect(page.coders).toEqual(want.coders);
  expect(page.sets.map((s) => s.name)).toEqual(want.sets.map((s) => s.name));
  want.sets.forEach((set, i) => {
    const got = page.sets[i]!;
    expectSameSummary(got.combined, set.combined, set.name);
    expect(got.perTag.map((t) => t.value)).toEqual(set.perTag.map((t) => t.value));
    set.perTag.forEach((t, j) => expectSameSummary(got.perTag[j]!, t, `${set.name} ${t.value}`));
    expectClose(got.span.alphaU, set.span.alphaU, `${set.name} αU`);
    expect(got.span.sources).toBe(set.span.sources);
    expect(Object.fromEntries(got.span.perTag.map(({ tag, ...figure }) => [tag.id, figure]))).toEqual(set.span.perTag);
    expect(got.disagreements.map((d) => ({ ...d, outlet: undefined, values: d.values.map(({ coder, tags }) => ({ coder, tags })).sort((a, b) => a.coder.localeCompare(b.coder)) }))).toEqual(
      set.disagreements.map((d) => ({ ...d, outlet: undefined })),
    );
  });
  return page;
}

describe("agreement figures kept per source", () => {
  it("equal the figures of every counted annotation at once, for editors and reviewers, before and after a write to one source", async () => {
    const f = await annotatedComparison(db);
    for (const [i, text] of TEXTS.entries()) {
      await createSource(f.owner, f.workspace.slug, f.comparison.slug, { content: { kind: "paste", text }, metadata: { title: `Report ${i + 1}`, outletName: `Wire ${i + 1}` } });
    }
    const withText = await db().source.findMany({ where: { comparisonId: f.comparison.id }, orderBy: { position: "asc" }, select: { id: true, currentRevision: { select: { id: true, text: true } } } });
    const sources = withText.map((s) => ({ id: s.id }));
    const tags = (await db().tag.findMany({ where: { tagSet: { comparisonId: f.comparison.id } }, select: { id: true } })).map((t) => t.id);
    const coders = [f.owner, f.reviewer, f.colleague, f.viewer];
    const random = seededRandom(13);
    const insert = async (count: number, sourceIds: string[]) => {
      for (let n = 0; n < count; n++) {
        const sourceId = sourceIds[Math.floor(random() * sourceIds.length)];
        const source = withText.find((s) => s.id === sourceId)!;
        const text = source.currentRevision!.text;
        const start = Math.floor(random() * (text.length - 1));
        const end = Math.min(text.length, start + 1 + Math.floor(random() * 30));
        const roll = random();
        await db().annotation.create({
          data: {
            comparisonId: f.comparison.id,
            sourceId: source.id,
            revisionId: source.currentRevision!.id,
            authorId: coders[Math.floor(random() * coders.length)]!.id,
            exact: text.slice(start, end),
            prefix: "",
            suffix: "",
            start,
            end,
            hiddenAt: roll < 0.05 ? new Date() : null,
            deletedAt: roll >= 0.05 && roll < 0.1 ? new Date() : null,
            anchorStatus: roll >= 0.1 && roll < 0.15 ? "ORPHANED" : "EXACT",
            tags: { create: tags.filter(() => random() < 0.12).map((tagId) => ({ tagId })) },
          },
        });
      }
    };
    await insert(160, withText.map((s) => s.id));
    // The third source is edited: its annotations so far are on a revision that is no longer current.
    const edited = sources[2]!;
    const revision = await db().sourceRevision.create({ data: { sourceId: edited.id, number: 2, createdById: f.owner.id, ...revisionFields(EDITED) } });
    await db().source.update({ where: { id: edited.id }, data: { currentRevisionId: revision.id } });
    withText.find((s) => s.id === edited.id)!.currentRevision = { id: revision.id, text: EDITED };
    await insert(40, [edited.id]);

    forgetAgreementFigures();
    const before = await expectFiguresOfAllAtOnce(f, f.owner);
    expect(before.sets.some((s) => s.combined.alpha !== null && s.span.alphaU !== null && s.disagreements.length > 0)).toBe(true);
    await expectFiguresOfAllAtOnce(f, f.reviewer);

    // A write to one source: the others' parts are kept, the figures are still those of every annotation at once.
    await insert(30, [sources[1]!.id]);
    await expectFiguresOfAllAtOnce(f, f.owner);
    await expectFiguresOfAllAtOnce(f, f.reviewer);
  });
});
