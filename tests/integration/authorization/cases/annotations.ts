import { expect } from "vitest";
import * as annotate from "@/app/(app)/w/[workspace]/c/[comparison]/annotate/actions";
import * as oneAnnotation from "@/app/api/comparisons/[comparisonId]/annotations/[annotationId]/route";
import * as hide from "@/app/api/comparisons/[comparisonId]/annotations/[annotationId]/hide/route";
import * as reattach from "@/app/api/comparisons/[comparisonId]/annotations/[annotationId]/reattach/route";
import * as clearTextChanged from "@/app/api/comparisons/[comparisonId]/annotations/[annotationId]/text-changed/clear/route";
import * as replies from "@/app/api/comparisons/[comparisonId]/annotations/[annotationId]/replies/route";
import * as annotations from "@/app/api/comparisons/[comparisonId]/annotations/route";
import * as events from "@/app/api/comparisons/[comparisonId]/events/route";
import * as oneReply from "@/app/api/comparisons/[comparisonId]/replies/[replyId]/route";
import { db } from "@/lib/server/db/client";
import { deleteAnnotation } from "@/lib/server/services/annotations/moderate-annotation";
import { ANNOTATORS, EDITORS, MEMBERS, NOBODY, ok, PEERS_ACT, PEERS_SEE, UNSEEN, type Expectation } from "../actors";
import { action, route, scenario, type Cell } from "../matrix";
import { annotationIn, replyIn, tagIn, unique } from "../world";

// Annotations are for members; hidden ones only for owners, editors and their author; deleted ones for nobody.
const MODERATORS_SEE: Expectation   = { anonymous: 401, outsider: 404, viewer: 404, reviewer: 404, editor: ok,  owner: ok,  studentBeforeReveal: 404, teacher: ok,  pendingStudent: 404 };
/** Acting on someone else's hidden annotation: viewers are refused for their role, reviewers cannot see it. */
const MODERATORS_ACT: Expectation   = { anonymous: 401, outsider: 404, viewer: 403, reviewer: 404, editor: ok,  owner: ok,  studentBeforeReveal: 404, teacher: ok,  pendingStudent: 404 };
/** Only its author may do this, and reviewers cannot even see it. */
const AUTHOR_OF_HIDDEN: Expectation = { anonymous: 401, outsider: 404, viewer: 403, reviewer: 404, editor: 403, owner: 403, studentBeforeReveal: 404, teacher: 403, pendingStudent: 404 };

const row = (id: string) => db().annotation.findUniqueOrThrow({ where: { id } });
const replyRow = (id: string) => db().reply.findUniqueOrThrow({ where: { id } });
const at = (cell: Cell) => ({ comparisonId: cell.world.comparison.id });
const on = (cell: Cell, annotationId: string) => ({ comparisonId: cell.world.comparison.id, annotationId });

type Listed = { annotations: { id: string }[] };
type Called<T> = { data: T };
const inList = (list: { id: string }[], t: { id: string }) => list.some((a) => a.id === t.id);

// --- reading -------------------------------------------------------------------------

// Each takes an optional tag of its own, for lists filtered down to the one annotation.
const someoneElses = (cell: Cell, tagId?: string) => annotationIn(cell.world, { tagId });
const someoneElsesHidden = (cell: Cell, tagId?: string) => annotationIn(cell.world, { hidden: true, tagId });
const someoneElsesDeleted = async (cell: Cell, tagId?: string) => {
  const annotation = await annotationIn(cell.world, { tagId });
  await deleteAnnotation(cell.world.colleague, cell.world.comparison.id, annotation.id, { version: 1 });
  return annotation;
};

const othersAnnotation = scenario({ name: "someone else's annotation", expect: PEERS_SEE, arrange: someoneElses });
const othersHidden = scenario({ name: "someone else's hidden annotation", expect: MODERATORS_SEE, arrange: someoneElsesHidden });
const ownHidden = scenario({
  name: "own annotation, hidden by an editor",
  expect: MEMBERS,
  arrange: (cell: Cell) => annotationIn(cell.world, { author: cell.user, hidden: true }),
});
const deleted = scenario({ name: "a deleted annotation", expect: UNSEEN, arrange: someoneElsesDeleted });
const listReads = [
  [othersAnnotation, someoneElses],
  [othersHidden, someoneElsesHidden],
  [deleted, someoneElsesDeleted],
] as const;

// --- writing -------------------------------------------------------------------------

const newAnnotation = (cell: Cell, comment: string) => ({
  ...cell.world.span("spillway"),
  tagIds: [cell.world.tag("Euphemism")],
  comment,
  assignmentId: cell.world.classroom?.assignmentId,
});
const create = scenario({
  name: "annotate a source",
  expect: ANNOTATORS,
  arrange: async () => ({ comment: unique("New note") }),
  verify: async (cell, t, allowed) => {
    const rows = await db().annotation.findMany({ where: { comparisonId: cell.world.comparison.id, comment: t.comment } });
    expect(rows.map((r) => r.authorId)).toEqual(allowed ? [cell.user?.id] : []);
  },
});

/** A comment edit on an annotation `arrange` picks; allowed, the comment is the new one. */
function editComment(name: string, expectation: Expectation, arrange: (cell: Cell) => ReturnType<typeof annotationIn>) {
  return scenario({
    name,
    expect: expectation,
    arrange: async (cell: Cell) => ({ ...(await arrange(cell)), change: unique("Changed note") }),
    verify: async (_cell, t, allowed) => expect((await row(t.id)).comment).toBe(allowed ? t.change : t.comment),
  });
}
const editOthers = editComment("change someone else's comment", NOBODY, (cell) => annotationIn(cell.world));
const editOwn = editComment("change own comment", ANNOTATORS, (cell) => annotationIn(cell.world, { author: cell.user }));

function markResolved(name: string, expectation: Expectation, hidden: boolean) {
  return scenario({
    name,
    expect: expectation,
    arrange: (cell: Cell) => annotationIn(cell.world, { hidden }),
    verify: async (_cell, t, allowed) => expect((await row(t.id)).resolvedAt !== null).toBe(allowed),
  });
}
const resolveOthers = markResolved("mark someone else's discussion resolved", PEERS_ACT, false);
const resolveHidden = markResolved("mark someone else's hidden annotation resolved", MODERATORS_ACT, true);

function remove(name: string, expectation: Expectation, arrange: (cell: Cell) => ReturnType<typeof annotationIn>) {
  return scenario({
    name,
    expect: expectation,
    arrange,
    verify: async (_cell, t, allowed) => expect((await row(t.id)).deletedAt !== null).toBe(allowed),
  });
}
const removeOthers = remove("delete someone else's annotation", NOBODY, (cell) => annotationIn(cell.world));
const removeOwn = remove("delete own annotation", ANNOTATORS, (cell) => annotationIn(cell.world, { author: cell.user }));
const removeHidden = remove("delete someone else's hidden annotation", AUTHOR_OF_HIDDEN, (cell) => annotationIn(cell.world, { hidden: true }));

const hideOthers = scenario({
  name: "hide someone else's annotation",
  expect: EDITORS,
  arrange: (cell: Cell) => annotationIn(cell.world),
  verify: async (_cell, t, allowed) => expect((await row(t.id)).hiddenAt !== null).toBe(allowed),
});
const HIDE = (version: number) => ({ hidden: true, version, reason: "Off topic for this comparison." });

/** Re-anchoring on other words; allowed, the annotation quotes them. */
function moveTo(name: string, expectation: Expectation, arrange: (cell: Cell) => ReturnType<typeof annotationIn>) {
  return scenario({
    name,
    expect: expectation,
    arrange,
    verify: async (_cell, t, allowed) => expect((await row(t.id)).exact).toBe(allowed ? "decision reckless" : "sacrificed"),
  });
}
// The annotation is looked up before the role is checked: a student before the reveal cannot see it.
const reattachOthers = moveTo("re-attach someone else's annotation", { ...EDITORS, studentBeforeReveal: 404 }, (cell) => annotationIn(cell.world));
const reattachOwn = moveTo("re-attach own annotation", ANNOTATORS, (cell) => annotationIn(cell.world, { author: cell.user }));
const reattachHidden = moveTo("re-attach someone else's hidden annotation", MODERATORS_ACT, (cell) => annotationIn(cell.world, { hidden: true }));
const newPlace = (cell: Cell, version: number) => {
  const { start, end, revisionNumber } = cell.world.span("decision reckless");
  return { version, start, end, revisionNumber };
};

/** Clearing the "text changed — check the tags" mark that an edit of the source set. */
function clearMark(name: string, expectation: Expectation, arrange: (cell: Cell) => ReturnType<typeof annotationIn>) {
  return scenario({
    name,
    expect: expectation,
    arrange: async (cell: Cell) => {
      const target = await arrange(cell);
      await db().annotation.update({ where: { id: target.id }, data: { textChangedAt: new Date(), previousQuote: "sacrifice" } });
      return target;
    },
    verify: async (_cell, t, allowed) => expect((await row(t.id)).textChangedAt === null).toBe(allowed),
  });
}
const clearMarkOthers = clearMark("clear the text-changed mark of someone else's annotation", { ...EDITORS, studentBeforeReveal: 404 }, (cell) => annotationIn(cell.world));
const clearMarkOwn = clearMark("clear the text-changed mark of own annotation", ANNOTATORS, (cell) => annotationIn(cell.world, { author: cell.user }));
const clearMarkHidden = clearMark("clear the text-changed mark of someone else's hidden annotation", MODERATORS_ACT, (cell) => annotationIn(cell.world, { hidden: true }));

function replyTo(name: string, expectation: Expectation, hidden: boolean) {
  return scenario({
    name,
    expect: expectation,
    arrange: async (cell: Cell) => ({ ...(await annotationIn(cell.world, { hidden })), reply: unique("Reply") }),
    verify: async (_cell, t, allowed) => expect(await db().reply.count({ where: { annotationId: t.id, body: t.reply } })).toBe(allowed ? 1 : 0),
  });
}
const replyOthers = replyTo("reply to someone else's annotation", PEERS_ACT, false);
const replyHidden = replyTo("reply to someone else's hidden annotation", MODERATORS_ACT, true);

/** A reply `arrange` picks, under an annotation by someone else (hidden or not): a student before the reveal cannot see it. */
function replyCase(name: string, expectation: Expectation, { own, hidden }: { own: boolean; hidden: boolean }) {
  return {
    name,
    expect: expectation,
    arrange: async (cell: Cell) => {
      const annotation = await annotationIn(cell.world, { hidden });
      return { ...(await replyIn(cell.world, annotation.id, own ? cell.user : cell.world.colleague)), change: unique("Edited reply") };
    },
  };
}
const editReply = (...args: Parameters<typeof replyCase>) =>
  scenario({
    ...replyCase(...args),
    verify: async (_cell, t, allowed) => expect((await replyRow(t.id)).body).toBe(allowed ? t.change : t.body),
  });
const deleteReply = (...args: Parameters<typeof replyCase>) =>
  scenario({
    ...replyCase(...args),
    verify: async (_cell, t, allowed) => expect((await replyRow(t.id)).deletedAt !== null).toBe(allowed),
  });

export const annotationEntries = [
  action(annotate.fetchAnnotationAction, (c) =>
    [othersAnnotation, othersHidden, ownHidden, deleted].map((read) =>
      c({ ...read, args: (cell, t) => [cell.world.comparison.id, t.id], shows: (body, t) => (body as Called<{ id: string }>).data.id === t.id }),
    ),
  ),
  action(annotate.fetchAnnotationPageAction, (c) =>
    listReads.map(([read, arrange]) =>
      c({
        ...read,
        arrange: async (cell) => arrange(cell, (await tagIn(cell.world)).tagId),
        args: (cell, t) => [cell.world.comparison.id, { sourceId: cell.world.source.id, tagId: t.tagId }, { offset: 0 }],
        shows: (body, t) => inList((body as Called<Listed>).data.annotations, t),
      }),
    ),
  ),
  action(annotate.fetchAnnotationWindowAction, (c) =>
    listReads.map(([read, arrange]) =>
      c({
        ...read,
        arrange: async (cell) => arrange(cell, (await tagIn(cell.world)).tagId),
        args: (cell, t) => [cell.world.comparison.id, { sourceId: cell.world.source.id, tagId: t.tagId }, [0]],
        shows: (body, t) => {
          const { overview, pages } = (body as Called<{ overview: { highlights: { rows: [string][] } }; pages: Record<number, { id: string }[]> }>).data;
          return overview.highlights.rows.some(([id]) => id === t.id) && inList(pages[0]!, t);
        },
      }),
    ),
  ),
  action(annotate.fetchLinkCandidatesAction, (c) => [
    c({
      name: "list the annotations of a source a link may point to",
      // Everyone who reads the comparison; which annotations they get follows the visibility rule (tests/integration/relations.test.ts).
      expect: MEMBERS,
      args: (cell) => [cell.world.comparison.id, cell.world.source.id],
      shows: (body) => Array.isArray((body as Called<{ candidates: unknown[] }>).data.candidates),
    }),
  ]),
  action(annotate.fetchSourceTextAction, (c) => [
    c({
      name: "read a source's text to annotate it",
      // Students read their texts through their assignments, as they browse no comparison.
      expect: { ...MEMBERS, studentBeforeReveal: 403 },
      args: (cell) => [cell.world.comparison.id, cell.world.source.id],
      shows: (body, _t) => (body as Called<{ text: string }>).data.text.length > 0,
    }),
  ]),
  route(annotations.GET, (c) =>
    listReads.map(([read, arrange]) =>
      c({
        ...read,
        // A tag of its own keeps the page to this annotation, however many cells came before.
        arrange: async (cell) => arrange(cell, (await tagIn(cell.world)).tagId),
        request: (cell, t) => ({ params: at(cell), query: { tagId: t.tagId } }),
        shows: (body, t) => inList((body as Listed).annotations, t),
      }),
    ),
  ),
  route(annotations.POST, (c) => [c({ ...create, status: 201, request: (cell, t) => ({ params: at(cell), body: newAnnotation(cell, t.comment) }) })]),
  route(oneAnnotation.GET, (c) =>
    [othersAnnotation, othersHidden, ownHidden, deleted].map((read) =>
      c({ ...read, request: (cell, t) => ({ params: on(cell, t.id) }), shows: (body, t) => (body as { id: string }).id === t.id }),
    ),
  ),
  route(oneAnnotation.PATCH, (c) => [
    ...[editOthers, editOwn].map((edit) => c({ ...edit, request: (cell, t) => ({ params: on(cell, t.id), body: { version: t.version, comment: t.change } }) })),
    ...[resolveOthers, resolveHidden].map((resolve) =>
      c({ ...resolve, request: (cell, t) => ({ params: on(cell, t.id), body: { version: t.version, resolved: true } }) }),
    ),
  ]),
  route(oneAnnotation.DELETE, (c) =>
    [removeOthers, removeOwn, removeHidden].map((del) =>
      c({ ...del, status: 204, request: (cell, t) => ({ params: on(cell, t.id), query: { version: String(t.version) } }) }),
    ),
  ),
  route(hide.POST, (c) => [
    c({ ...hideOthers, request: (cell, t) => ({ params: on(cell, t.id), body: HIDE(t.version) }) }),
    c({
      name: "show someone else's hidden annotation again",
      expect: EDITORS,
      arrange: (cell) => annotationIn(cell.world, { hidden: true }),
      request: (cell, t) => ({ params: on(cell, t.id), body: { hidden: false, version: t.version } }),
      verify: async (_cell, t, allowed) => expect((await row(t.id)).hiddenAt === null).toBe(allowed),
    }),
  ]),
  route(reattach.POST, (c) =>
    [reattachOthers, reattachOwn, reattachHidden].map((move) => c({ ...move, request: (cell, t) => ({ params: on(cell, t.id), body: newPlace(cell, t.version) }) })),
  ),
  route(clearTextChanged.POST, (c) =>
    [clearMarkOthers, clearMarkOwn, clearMarkHidden].map((clear) => c({ ...clear, request: (cell, t) => ({ params: on(cell, t.id), body: { version: t.version } }) })),
  ),
  route(replies.POST, (c) =>
    [replyOthers, replyHidden].map((reply) => c({ ...reply, status: 201, request: (cell, t) => ({ params: on(cell, t.id), body: { body: t.reply } }) })),
  ),
  route(oneReply.PATCH, (c) =>
    [
      editReply("edit someone else's reply", NOBODY, { own: false, hidden: false }),
      editReply("edit own reply", PEERS_ACT, { own: true, hidden: false }),
      editReply("edit someone else's reply under a hidden annotation", AUTHOR_OF_HIDDEN, { own: false, hidden: true }),
    ].map((edit) =>
      c({ ...edit, status: 204, request: (cell, t) => ({ params: { comparisonId: cell.world.comparison.id, replyId: t.id }, body: { body: t.change, version: t.version } }) }),
    ),
  ),
  route(oneReply.DELETE, (c) =>
    [
      deleteReply("delete someone else's reply", NOBODY, { own: false, hidden: false }),
      deleteReply("delete own reply", PEERS_ACT, { own: true, hidden: false }),
      deleteReply("delete someone else's reply under a hidden annotation", AUTHOR_OF_HIDDEN, { own: false, hidden: true }),
    ].map((del) => c({ ...del, status: 204, request: (cell, t) => ({ params: { comparisonId: cell.world.comparison.id, replyId: t.id } }) })),
  ),
  route(events.GET, (c) => [
    c({
      name: "follow the comparison's changes live",
      expect: MEMBERS,
      request: (cell) => ({ params: at(cell) }),
      shows: (body) => String(body).startsWith("retry:"),
    }),
  ]),

  action(annotate.createAnnotationAction, (c) => [c({ ...create, args: (cell, t) => [cell.world.comparison.id, newAnnotation(cell, t.comment)] })]),
  action(annotate.updateAnnotationAction, (c) => [
    ...[editOthers, editOwn].map((edit) => c({ ...edit, args: (cell, t) => [cell.world.comparison.id, t.id, { version: t.version, comment: t.change }] })),
    ...[resolveOthers, resolveHidden].map((resolve) => c({ ...resolve, args: (cell, t) => [cell.world.comparison.id, t.id, { version: t.version, resolved: true }] })),
  ]),
  action(annotate.deleteAnnotationAction, (c) =>
    [removeOthers, removeOwn, removeHidden].map((del) => c({ ...del, args: (cell, t) => [cell.world.comparison.id, t.id, t.version] })),
  ),
  action(annotate.hideAnnotationAction, (c) => [c({ ...hideOthers, args: (cell, t) => [cell.world.comparison.id, t.id, HIDE(t.version)] })]),
  action(annotate.clearTextChangedAction, (c) =>
    [clearMarkOthers, clearMarkOwn, clearMarkHidden].map((clear) => c({ ...clear, args: (cell, t) => [cell.world.comparison.id, t.id, t.version] })),
  ),
  action(annotate.reattachAnnotationAction, (c) =>
    [reattachOthers, reattachOwn, reattachHidden].map((move) => c({ ...move, args: (cell, t) => [cell.world.comparison.id, t.id, newPlace(cell, t.version)] })),
  ),
  action(annotate.replyAction, (c) => [replyOthers, replyHidden].map((reply) => c({ ...reply, args: (cell, t) => [cell.world.comparison.id, t.id, t.reply] }))),
];
