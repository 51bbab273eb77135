import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session";
import { AppError, type ErrorCode } from "@/lib/server/errors";
import { resolveDisagreement } from "@/lib/server/services/agreement/resolve-disagreement";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { findAnnotations, getAnnotation } from "@/lib/server/services/annotations/find-annotations";
import { deleteAnnotation, setAnnotationHidden } from "@/lib/server/services/annotations/moderate-annotation";
import { reattachAnnotation } from "@/lib/server/services/annotations/reattach-annotation";
import { createReply, deleteReply, updateReply } from "@/lib/server/services/annotations/replies";
import { updateAnnotation } from "@/lib/server/services/annotations/update-annotation";
import { deleteFactRow, renameFactRow } from "@/lib/server/services/fact-rows/update-fact-row";
import { changeMemberRole } from "@/lib/server/services/members/change-member-role";
import { removeMember } from "@/lib/server/services/members/remove-member";
import { createOutlet } from "@/lib/server/services/outlets/create-outlet";
import { removePassage } from "@/lib/server/services/passages/remove-passage";
import { setPassage } from "@/lib/server/services/passages/set-passage";
import { suggestPassages } from "@/lib/server/services/passages/suggest-passages";
import { createSource } from "@/lib/server/services/sources/create-source";
import { updateSourceText } from "@/lib/server/services/sources/update-source-text";
import { createTag } from "@/lib/server/services/taxonomy/create-tag";
import { mergeTags } from "@/lib/server/services/taxonomy/merge-tags";
import { retireTag } from "@/lib/server/services/taxonomy/retire-tag";
import { updateTag } from "@/lib/server/services/taxonomy/update-tag";
import { setupTestDb } from "../helpers/setup-test-db";
import { annotationIn, buildWorld, factRowIn, memberOf, replyIn, tagIn, type World } from "./world";

// The matrix sends each actor at the workspace's own addresses. Here the owner of another
// workspace passes the checks of their own (their slugs, their comparison: they may do
// anything there) and names the ids of things in someone else's. Every service must look
// those ids up inside the workspace it checked, so each attempt finds nothing and changes nothing.

const db = setupTestDb();

let world: World;
let elsewhere: World;
let outsider: SessionUser;
let theirs: {
  membershipId: string;
  factRowId: string;
  passageId: string;
  tagId: string;
  outletId: string;
  annotationId: string;
  replyId: string;
};

beforeAll(async () => {
  world = await buildWorld("Harbour");
  elsewhere = await buildWorld("Oriel");
  outsider = elsewhere.owner;
  const annotation = await annotationIn(world);
  const row = await factRowIn(world);
  theirs = {
    membershipId: (await memberOf(world, "REVIEWER")).membershipId,
    factRowId: row.factRowId,
    passageId: row.passageId,
    tagId: (await tagIn(world)).tagId,
    outletId: (await createOutlet(world.owner, world.workspace.slug, { name: "Harbour Wire" })).id,
    annotationId: annotation.id,
    replyId: (await replyIn(world, annotation.id)).id,
  };
});

/** Everything in a workspace, to compare before and after an attempt. */
function snapshot({ workspace }: World) {
  return db().workspace.findUniqueOrThrow({
    where: { id: workspace.id },
    include: {
      memberships: true,
      outlets: true,
      comparisons: {
        include: {
          sources: { include: { revisions: true } },
          factRows: { include: { passages: true } },
          tagSets: { include: { tags: true } },
          annotations: { include: { tags: true, replies: true } },
          resolutions: true,
        },
      },
    },
  });
}

const own = () => elsewhere.where;
const ownComparison = () => elsewhere.comparison.id;
const offsets = (w: World, words: string) => {
  const { sourceId, start, end } = w.span(words);
  return { sourceId, start, end };
};

const attempts: [string, ErrorCode, () => Promise<unknown>][] = [
  ["change the role of their member", "NOT_FOUND", () => changeMemberRole(outsider, own().workspace, { membershipId: theirs.membershipId, role: "EDITOR" })],
  ["remove their member", "NOT_FOUND", () => removeMember(outsider, own().workspace, { membershipId: theirs.membershipId })],
  ["take a passage out of their fact row", "NOT_FOUND", () => removePassage(outsider, own().workspace, own().comparison, theirs.passageId)],
  ["rename their fact row", "NOT_FOUND", () => renameFactRow(outsider, own().workspace, own().comparison, theirs.factRowId, { label: "Taken over" })],
  ["delete their fact row", "NOT_FOUND", () => deleteFactRow(outsider, own().workspace, own().comparison, theirs.factRowId)],
  [
    "add a passage to their fact row",
    "NOT_FOUND",
    () => setPassage(outsider, own().workspace, own().comparison, { factRowId: theirs.factRowId, ...elsewhere.span("sacrificed") }),
  ],
  ["put their source's words in a fact row", "NOT_FOUND", () => setPassage(outsider, own().workspace, own().comparison, { label: "Copied", ...world.span("sacrificed") })],
  ["edit their source's text", "NOT_FOUND", () => updateSourceText(outsider, own().workspace, own().comparison, world.source.id, { text: "Rewritten.", baseRevision: 1 })],
  [
    "file a source under their outlet",
    "NOT_FOUND",
    () =>
      createSource(outsider, own().workspace, own().comparison, {
        content: { kind: "paste", text: "A text filed under someone else's outlet." },
        metadata: { title: "Borrowed outlet", outletId: theirs.outletId },
      }),
  ],
  ["get passages suggested from their source", "INVALID_INPUT", () => suggestPassages(outsider, own().workspace, own().comparison, offsets(world, "sacrificed"))],
  ["add a tag to their tag set", "NOT_FOUND", () => createTag(outsider, own().workspace, own().comparison, { tagSetId: world.tagSetId, name: "Planted", color: "#f5aea3" })],
  ["rename their tag", "NOT_FOUND", () => updateTag(outsider, own().workspace, own().comparison, theirs.tagId, { name: "Renamed" })],
  ["retire their tag", "NOT_FOUND", () => retireTag(outsider, own().workspace, own().comparison, theirs.tagId)],
  ["merge their tag into an own one", "NOT_FOUND", () => mergeTags(outsider, own().workspace, own().comparison, { tagId: theirs.tagId, intoTagId: elsewhere.tag("Euphemism") })],
  [
    "settle a disagreement on their source",
    "NOT_FOUND",
    () => resolveDisagreement(outsider, own().workspace, own().comparison, { ...offsets(world, "sacrificed"), tagSetId: elsewhere.tagSetId, kind: "RESOLVED" }),
  ],
  ["annotate their source", "NOT_FOUND", () => createAnnotation(outsider, ownComparison(), { ...world.span("sacrificed"), tagIds: [elsewhere.tag("Euphemism")] })],
  ["annotate with their tags", "INVALID_INPUT", () => createAnnotation(outsider, ownComparison(), { ...elsewhere.span("sacrificed"), tagIds: [world.tag("Euphemism")] })],
  ["read their annotation", "NOT_FOUND", () => getAnnotation(outsider, ownComparison(), theirs.annotationId)],
  ["mark their annotation resolved", "NOT_FOUND", () => updateAnnotation(outsider, ownComparison(), theirs.annotationId, { version: 1, resolved: true })],
  ["delete their annotation", "NOT_FOUND", () => deleteAnnotation(outsider, ownComparison(), theirs.annotationId, { version: 1 })],
  ["hide their annotation", "NOT_FOUND", () => setAnnotationHidden(outsider, ownComparison(), theirs.annotationId, { hidden: true, version: 1, reason: "Not ours." })],
  [
    "re-attach their annotation",
    "NOT_FOUND",
    () => reattachAnnotation(outsider, ownComparison(), theirs.annotationId, { version: 1, revisionNumber: 1, ...offsets(elsewhere, "sacrificed") }),
  ],
  ["reply to their annotation", "NOT_FOUND", () => createReply(outsider, ownComparison(), theirs.annotationId, { body: "Hello from elsewhere." })],
  ["edit their reply", "NOT_FOUND", () => updateReply(outsider, ownComparison(), theirs.replyId, { body: "Edited from elsewhere.", version: 1 })],
  ["delete their reply", "NOT_FOUND", () => deleteReply(outsider, ownComparison(), theirs.replyId)],
];

describe("ids from another workspace, named through one's own", () => {
  it.each(attempts)("%s: %s, nothing changes on either side", async (_what, code, attempt) => {
    const before = [await snapshot(world), await snapshot(elsewhere)];
    const error = await attempt().then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    for (const word of world.revealing) expect((error as AppError).message).not.toContain(word);
    expect([await snapshot(world), await snapshot(elsewhere)]).toEqual(before);
  });

  it("filtering one's own annotations by their source lists nothing", async () => {
    expect(await findAnnotations(outsider, ownComparison(), { sourceId: world.source.id })).toEqual({ annotations: [], nextCursor: null });
  });
});
