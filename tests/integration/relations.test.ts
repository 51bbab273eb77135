import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { subscribeComparisonEvents } from "@/lib/server/realtime/bus";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { deleteAnnotation, setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { createRelation } from "@/lib/server/services/relations/create-relation";
import { createRelationType } from "@/lib/server/services/relations/create-relation-type";
import { findRelations, getRelation } from "@/lib/server/services/relations/find-relations";
import { findRelationTypes } from "@/lib/server/services/relations/find-relation-types";
import { deleteRelation, updateRelation } from "@/lib/server/services/relations/update-relation";
import { updateRelationType } from "@/lib/server/services/relations/update-relation-type";
import { createComparison } from "@/lib/server/services/comparisons/create-comparison";
import { createSource } from "@/lib/server/services/sources/create-source";
import { exportComparison } from "@/lib/server/export/export-comparison";
import { importAnnotations } from "@/lib/server/export/import-annotations";
import { getRelationReport } from "@/lib/server/reports/get-relation-report";
import { mustFailures } from "@/tests/helpers/w3c-annotation-model";
import { ARTICLE } from "./helpers/comparison-fixture";
import { classroom } from "./helpers/classroom-fixture";
import { annotatedComparison } from "./helpers/comparison-fixture";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

const OTHER = "The river authority said the spillway worked as designed and nobody was at risk.";

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** The spillway comparison with a second outlet's source, a claim in the first and an annotation in the second. */
async function linked() {
  const f = await annotatedComparison(db);
  const other = await createSource(f.owner, f.workspace.slug, f.comparison.slug, { content: { kind: "paste", text: OTHER }, metadata: { title: "Spillway worked", outletName: "River Post" } });
  const claim = await createAnnotation(f.reviewer, f.comparison.id, {
    ...f.span("the harbour district was sacrificed"),
    tagIds: [f.tag("Loaded language")],
    claim: { asserter: "QUOTED_PARTY", assertedBy: "critics", status: "DISPUTED", evidence: [] },
  });
  const start = OTHER.indexOf("nobody was at risk");
  const answer = await createAnnotation(f.colleague, f.comparison.id, { sourceId: other.id, revisionNumber: 1, start, end: start + "nobody was at risk".length, tagIds: [f.tag("Euphemism")] });
  const types = await findRelationTypes(f.reviewer, f.comparison.id);
  const type = (key: string) => types.find((t) => t.key === key)!.id;
  return { ...f, other, claim, answer, types, type };
}

describe("relations", () => {
  it("gives every comparison the default types, once", async () => {
    const f = await linked();
    expect(f.types.map((t) => [t.key, t.name])).toEqual([["evidence", "has evidence"], ["speaker", "said by"], ["contradicts", "contradicts"], ["same-as", "same as"]]);
    expect((await findRelationTypes(f.owner, f.comparison.id)).map((t) => t.id)).toEqual(f.types.map((t) => t.id));
  });

  it("links annotations across sources, lists the link at both ends, audits it and tells listeners", async () => {
    const f = await linked();
    const events: string[] = [];
    const stop = subscribeComparisonEvents(f.comparison.id, (e) => events.push(`${e.type}:${e.action}`));
    const relation = await createRelation(f.colleague, f.comparison.id, { fromId: f.answer.id, toId: f.claim.id, typeId: f.type("contradicts") });
    stop();
    expect(relation).toMatchObject({ from: { id: f.answer.id, sourceId: f.other.id }, to: { id: f.claim.id, sourceId: f.source.id }, type: { key: "contradicts" }, version: 1 });
    expect(events).toEqual(["relation:created"]);
    for (const annotationId of [f.claim.id, f.answer.id]) {
      expect((await findRelations(f.viewer, f.comparison.id, { annotationId })).map((r) => r.id)).toEqual([relation.id]);
    }
    expect(await getRelation(f.reviewer, f.comparison.id, relation.id)).toEqual(relation);
    const audit = await db().auditEvent.findMany({ where: { entityId: relation.id } });
    expect(audit.map((a) => a.action)).toEqual(["relation.created"]);
  });

  it("refuses a link to itself, a duplicate, a type of another comparison and viewers", async () => {
    const f = await linked();
    expect((await failure(createRelation(f.reviewer, f.comparison.id, { fromId: f.claim.id, toId: f.claim.id, typeId: f.type("same-as") }))).code).toBe("INVALID_INPUT");
    await createRelation(f.reviewer, f.comparison.id, { fromId: f.claim.id, toId: f.answer.id, typeId: f.type("same-as") });
    expect((await failure(createRelation(f.colleague, f.comparison.id, { fromId: f.claim.id, toId: f.answer.id, typeId: f.type("same-as") }))).code).toBe("CONFLICT");
    const elsewhere = await linked();
    expect((await failure(createRelation(f.reviewer, f.comparison.id, { fromId: f.claim.id, toId: f.answer.id, typeId: elsewhere.type("evidence") }))).code).toBe("INVALID_INPUT");
    expect((await failure(createRelation(f.reviewer, f.comparison.id, { fromId: f.claim.id, toId: elsewhere.answer.id, typeId: f.type("evidence") }))).code).toBe("NOT_FOUND");
    expect((await failure(createRelation(f.viewer, f.comparison.id, { fromId: f.claim.id, toId: f.answer.id, typeId: f.type("evidence") }))).code).toBe("FORBIDDEN");
    expect((await failure(createRelation(elsewhere.owner, f.comparison.id, { fromId: f.claim.id, toId: f.answer.id, typeId: f.type("evidence") }))).code).toBe("NOT_FOUND");
  });

  it("changes type and direction at the named version only, by its author only, and deletes softly", async () => {
    const f = await linked();
    const relation = await createRelation(f.reviewer, f.comparison.id, { fromId: f.claim.id, toId: f.answer.id, typeId: f.type("same-as") });
    const changed = await updateRelation(f.reviewer, f.comparison.id, relation.id, { version: 1, typeId: f.type("contradicts"), reverse: true });
    expect(changed).toMatchObject({ version: 2, type: { key: "contradicts" }, from: { id: f.answer.id }, to: { id: f.claim.id } });
    const stale = await failure(updateRelation(f.reviewer, f.comparison.id, relation.id, { version: 1, typeId: f.type("evidence") }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.current).toMatchObject({ version: 2 });
    expect((await failure(updateRelation(f.colleague, f.comparison.id, relation.id, { version: 2, typeId: f.type("evidence") }))).code).toBe("FORBIDDEN");
    expect((await failure(deleteRelation(f.owner, f.comparison.id, relation.id, { version: 2 }))).code).toBe("FORBIDDEN");
    await deleteRelation(f.reviewer, f.comparison.id, relation.id, { version: 2 });
    expect(await findRelations(f.owner, f.comparison.id)).toEqual([]);
    expect((await db().relation.findUniqueOrThrow({ where: { id: relation.id } })).deletedAt).not.toBeNull();
    const audit = await db().auditEvent.findMany({ where: { entityId: relation.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["relation.created", "relation.updated", "relation.deleted"]);
  });

  it("shows a relation only to those who may see both ends", async () => {
    const f = await linked();
    const relation = await createRelation(f.reviewer, f.comparison.id, { fromId: f.claim.id, toId: f.answer.id, typeId: f.type("evidence") });
    await setAnnotationHidden(f.owner, f.comparison.id, f.answer.id, { hidden: true, version: 1, reason: "Off topic." });
    expect(await findRelations(f.reviewer, f.comparison.id)).toEqual([]);
    expect((await failure(getRelation(f.reviewer, f.comparison.id, relation.id))).code).toBe("NOT_FOUND");
    expect((await findRelations(f.owner, f.comparison.id)).map((r) => r.id)).toEqual([relation.id]);
    expect((await findRelations(f.colleague, f.comparison.id)).map((r) => r.id)).toEqual([relation.id]);
    await deleteAnnotation(f.colleague, f.comparison.id, f.answer.id, { version: 2 });
    expect(await findRelations(f.owner, f.comparison.id)).toEqual([]);
  });

  it("keeps a student's links blind, as their annotations are", async () => {
    const c = await classroom(db);
    const mine = [
      await createAnnotation(c.ana, c.comparison.id, c.work("reckless", "Loaded language")),
      await createAnnotation(c.ana, c.comparison.id, c.work("sacrificed", "Loaded language")),
    ];
    const types = await findRelationTypes(c.ana, c.comparison.id);
    const relation = await createRelation(c.ana, c.comparison.id, { fromId: mine[0]!.id, toId: mine[1]!.id, typeId: types[3]!.id });
    expect((await findRelations(c.ana, c.comparison.id)).map((r) => r.id)).toEqual([relation.id]);
    expect(await findRelations(c.ben, c.comparison.id)).toEqual([]);
    expect((await findRelations(c.teacher, c.comparison.id)).map((r) => r.id)).toEqual([relation.id]);
    expect((await failure(createRelation(c.ben, c.comparison.id, { fromId: mine[0]!.id, toId: c.key[0]!.id, typeId: types[3]!.id }))).code).toBe("NOT_FOUND");
  });

  it("lets editors add, rename and retire types; a retired type is kept but not offered", async () => {
    const f = await linked();
    const added = await createRelationType(f.owner, f.comparison.id, { name: "paraphrases" });
    expect(added.position).toBe(4);
    expect((await failure(createRelationType(f.owner, f.comparison.id, { name: "Paraphrases" }))).code).toBe("CONFLICT");
    expect((await failure(createRelationType(f.reviewer, f.comparison.id, { name: "answers" }))).code).toBe("FORBIDDEN");
    const relation = await createRelation(f.reviewer, f.comparison.id, { fromId: f.claim.id, toId: f.answer.id, typeId: f.type("evidence") });
    await updateRelationType(f.owner, f.comparison.id, f.type("evidence"), { name: "is backed by" });
    expect((await getRelation(f.reviewer, f.comparison.id, relation.id)).type).toEqual({ id: f.type("evidence"), key: "evidence", name: "is backed by" });
    await updateRelationType(f.owner, f.comparison.id, f.type("same-as"), { retired: true });
    expect((await failure(createRelation(f.reviewer, f.comparison.id, { fromId: f.claim.id, toId: f.answer.id, typeId: f.type("same-as") }))).message).toMatch(/retired/);
    expect((await findRelationTypes(f.viewer, f.comparison.id)).find((t) => t.key === "same-as")?.retired).toBe(true);
  });
});

async function exported(actor: { id: string }, comparisonId: string, format: "csv" | "jsonld") {
  const file = await exportComparison(actor, comparisonId, format, { origin: "http://app.example" });
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(file.body).arrayBuffer());
}

describe("relations in the report and the exports", () => {
  it("counts claims with evidence and without, and claims contradicted across outlets", async () => {
    const f = await linked();
    const evidence = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("Officials opened the spillway"), tagIds: [f.tag("Euphemism")] });
    const second = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")], claim: { asserter: "OUTLET", status: "UNVERIFIED", evidence: [] } });
    await createRelation(f.reviewer, f.comparison.id, { fromId: second.id, toId: evidence.id, typeId: f.type("evidence") });
    await createRelation(f.colleague, f.comparison.id, { fromId: f.answer.id, toId: f.claim.id, typeId: f.type("contradicts") });
    const report = await getRelationReport(f.viewer, f.comparison.id);
    expect(report.claims).toBe(2);
    expect(report.withEvidence.map((c) => c.exact)).toEqual(["reckless"]);
    expect(report.withoutEvidence.map((c) => c.exact)).toEqual(["the harbour district was sacrificed"]);
    expect(report.contradictedAcrossOutlets).toEqual([{ id: f.claim.id, exact: "the harbour district was sacrificed", outlet: "City Daily", byOutlets: ["River Post"] }]);
  });

  it("exports relations as CSV columns and as linking annotations that the W3C import brings back", async () => {
    const f = await linked();
    const relation = await createRelation(f.colleague, f.comparison.id, { fromId: f.answer.id, toId: f.claim.id, typeId: f.type("contradicts") });
    const csv = await exported(f.owner, f.comparison.id, "csv");
    expect(csv).toContain(`contradicts: ${f.claim.id}`);
    expect(csv).toContain(`contradicts: ${f.answer.id}`);

    const collection = JSON.parse(await exported(f.owner, f.comparison.id, "jsonld")) as { total: number; first: { items: Record<string, unknown>[] } };
    expect(collection.total).toBe(3);
    const link = collection.first.items.find((item) => item.motivation === "linking")!;
    const iri = (id: string) => `http://app.example/api/comparisons/${f.comparison.id}/annotations/${id}`;
    expect(link).toMatchObject({
      id: `http://app.example/api/comparisons/${f.comparison.id}/relations/${relation.id}`,
      target: [iri(f.answer.id), iri(f.claim.id)],
      body: { type: "TextualBody", purpose: "classifying", value: "contradicts", "parallax:relationType": "contradicts" },
    });
    expect(mustFailures(link)).toEqual([]);

    const copy = await createComparison(f.owner, f.workspace.slug, { title: "Spillway again" });
    for (const [text, title, outletName] of [[ARTICLE, "Spillway opened", "City Daily"], [OTHER, "Spillway worked", "River Post"]] as const) {
      await createSource(f.owner, f.workspace.slug, copy.slug, { content: { kind: "paste", text }, metadata: { title, outletName } });
    }
    const imported = await importAnnotations(f.owner, copy.id, collection);
    expect(imported).toMatchObject({ exact: 2, relations: 1, skipped: [] });
    const [again] = await findRelations(f.owner, copy.id);
    expect(again).toMatchObject({ type: { key: "contradicts" }, author: { id: f.colleague.id } });
    const ends = await db().annotation.findMany({ where: { id: { in: [again!.from.id, again!.to.id] } }, select: { id: true, exact: true } });
    expect(ends.find((a) => a.id === again!.from.id)?.exact).toBe("nobody was at risk");
    expect(ends.find((a) => a.id === again!.to.id)?.exact).toBe("the harbour district was sacrificed");

    const twice = await importAnnotations(f.owner, copy.id, collection);
    expect(twice.relations).toBe(0);
    expect(twice.skipped.map((s) => s.reason)).toContainEqual("the same relation is already in the comparison");
  });
});
