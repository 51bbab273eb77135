import { describe, expect, it } from "vitest";
import { COURIER, HERALD, TIMES } from "@/lib/domain/alignment/test-fixtures";
import { AppError } from "@/lib/server/errors";
import { acceptAlignmentProposal, acceptAlignmentProposalsAbove } from "@/lib/server/services/alignment/accept-alignment-proposal";
import { findAlignmentProposals } from "@/lib/server/services/alignment/find-alignment-proposals";
import { mergeAlignmentProposals } from "@/lib/server/services/alignment/merge-alignment-proposals";
import { rejectAlignmentProposal, reopenAlignmentProposal } from "@/lib/server/services/alignment/reject-alignment-proposal";
import { runAlignment } from "@/lib/server/services/alignment/run-alignment";
import { splitAlignmentProposal } from "@/lib/server/services/alignment/split-alignment-proposal";
import { createComparison } from "@/lib/server/services/comparisons/create-comparison";
import { deleteFactRow } from "@/lib/server/services/fact-rows/update-fact-row";
import { createSource } from "@/lib/server/services/sources/create-source";
import { updateSourceText } from "@/lib/server/services/sources/update-source-text";
import { addMember, ownerWithWorkspace, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

async function code(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

/** Three invented outlets on an invented dam collapse: two tell the same facts, one in passing. */
async function setup() {
  const { owner, workspace } = await ownerWithWorkspace("Aligning Editor");
  const comparison = await createComparison(owner, workspace.slug, { title: "Dam collapse" });
  const add = (text: string, title: string, outletName: string) =>
    createSource(owner, workspace.slug, comparison.slug, { content: { kind: "paste", text }, metadata: { title, outletName } });
  const herald = await add(HERALD, "Dam collapses", "Erren Herald");
  const courier = await add(COURIER, "Floodwater in the lower town", "Valley Courier");
  const times = await add(TIMES, "Prices and a dam", "Capital Times");
  const revisions = await db().sourceRevision.findMany({ where: { source: { comparisonId: comparison.id } }, select: { sourceId: true, text: true } });
  const texts = new Map(revisions.map((r) => [r.sourceId, r.text]));
  const where = [owner, workspace.slug, comparison.slug] as const;
  const list = (view = "review", page = 1) => findAlignmentProposals(...where, { view, page });
  return { owner, workspace, comparison, where, list, herald, courier, times, texts };
}

describe("Align all", () => {
  it("proposes rows of several outlets with scores and passages only one outlet reports, saving no fact row", async () => {
    const { where, list, texts, comparison } = await setup();
    const run = await runAlignment(...where);
    expect(run.rows).toBeGreaterThanOrEqual(3);
    expect(run.exclusives).toBeGreaterThan(0);
    const review = await list();
    expect(review.counts).toMatchObject({ review: run.proposed, rows: run.rows, only: run.exclusives, accepted: 0, rejected: 0 });
    expect(review.minScore).toBeGreaterThan(0);
    for (const p of review.proposals) {
      for (const passage of p.passages) expect(texts.get(passage.sourceId)!.slice(passage.start, passage.end)).toBe(passage.exact);
      if (p.passages.length > 1) {
        expect(p.score).toBeGreaterThanOrEqual(review.minScore);
        expect(p.links.length).toBeGreaterThan(0);
      } else expect(p.score).toBe(0);
    }
    expect(await db().factRow.count({ where: { comparisonId: comparison.id } })).toBe(0);
  });

  it("lists rows of several outlets first, then what only one outlet reports, outlet by outlet in column order", async () => {
    const { where, list, herald, courier, times } = await setup();
    await runAlignment(...where);
    for (const view of ["review", "only"]) {
      const review = await list(view);
      expect(review.grouped).toBe(true);
      const kinds = review.proposals.map((p) => (p.passages.length > 1 ? "row" : p.passages[0]!.sourceId));
      const columns = [herald.id, courier.id, times.id];
      const singles = kinds.filter((k) => k !== "row");
      expect(kinds).toEqual([...kinds.filter((k) => k === "row"), ...singles]);
      expect(singles).toEqual([...singles].sort((a, b) => columns.indexOf(a) - columns.indexOf(b)));
      expect(new Set(singles).size).toBeGreaterThan(1);
      for (const id of new Set(singles)) expect(review.onlyCounts[id]).toBe(singles.filter((k) => k === id).length);
      if (view === "only") expect(kinds).not.toContain("row");
    }
    const rows = await list("rows");
    expect(rows.grouped).toBe(false);
    expect(rows.proposals.length).toBeGreaterThan(0);
    expect(rows.proposals.every((p) => p.passages.length > 1)).toBe(true);
  });

  it("lets only the workspace's owners and editors align", async () => {
    const { owner, workspace, comparison } = await setup();
    const [editor, reviewer, outsider] = [await signUp("Eddie Editor"), await signUp("Rita Reviewer"), await signUp("Olga Outsider")];
    await addMember(owner, workspace.slug, { email: editor.email, role: "EDITOR" });
    await addMember(owner, workspace.slug, { email: reviewer.email, role: "REVIEWER" });
    await expect(runAlignment(editor, workspace.slug, comparison.slug)).resolves.toMatchObject({ rows: expect.any(Number) });
    expect(await code(runAlignment(reviewer, workspace.slug, comparison.slug))).toBe("FORBIDDEN");
    expect(await code(findAlignmentProposals(reviewer, workspace.slug, comparison.slug, {}))).toBe("FORBIDDEN");
    expect(await code(runAlignment(outsider, workspace.slug, comparison.slug))).toBe("NOT_FOUND");
  });

  it("accepts a proposal as an ordinary fact row anchored on the current text", async () => {
    const { where, list, texts, comparison } = await setup();
    await runAlignment(...where);
    const [proposal] = (await list("rows")).proposals;
    const { factRowId } = await acceptAlignmentProposal(...where, proposal!.id);
    const row = await db().factRow.findUniqueOrThrow({ where: { id: factRowId }, include: { passages: true } });
    expect(row.comparisonId).toBe(comparison.id);
    expect(row.label.length).toBeGreaterThan(0);
    expect(row.passages).toHaveLength(proposal!.passages.length);
    for (const p of row.passages) {
      const text = texts.get(p.sourceId)!;
      expect(text.slice(p.start, p.end)).toBe(p.exact);
      expect(p).toMatchObject({ anchorStatus: "EXACT", prefix: text.slice(Math.max(0, p.start - p.prefix.length), p.start) });
    }
    const accepted = await list("accepted");
    expect(accepted.proposals).toEqual([expect.objectContaining({ id: proposal!.id, status: "ACCEPTED", factRow: { id: factRowId, label: row.label } })]);
    expect(await code(acceptAlignmentProposal(...where, proposal!.id))).toBe("CONFLICT");
  });

  it("accepts a passage only one outlet reports as a fact row of one source", async () => {
    const { where, list } = await setup();
    await runAlignment(...where);
    const [alone] = (await list("only")).proposals;
    const { factRowId } = await acceptAlignmentProposal(...where, alone!.id);
    expect(await db().passage.findMany({ where: { factRowId }, select: { sourceId: true } })).toEqual([{ sourceId: alone!.passages[0]!.sourceId }]);
  });

  it("keeps decisions when it runs again: rejected rows are not proposed, accepted ones stay accepted", async () => {
    const { where, list } = await setup();
    await runAlignment(...where);
    const [first, second] = (await list("rows")).proposals;
    await acceptAlignmentProposal(...where, first!.id);
    await rejectAlignmentProposal(...where, second!.id);
    const rerun = await runAlignment(...where);
    expect(rerun.kept).toBe(2);
    const after = await list();
    const keys = (p: { passages: { sourceId: string; exact: string }[] }) => p.passages.map((x) => `${x.sourceId}:${x.exact}`).join("|");
    const proposedAgain = after.proposals.map(keys);
    expect(proposedAgain).not.toContain(keys(second!));
    expect(proposedAgain).not.toContain(keys(first!));
    // The rejected row's passages come back one by one: each may be a fact only its outlet reports.
    for (const p of second!.passages) expect(proposedAgain).toContain(`${p.sourceId}:${p.exact}`);
    expect((await list("accepted")).proposals.map((p) => p.id)).toEqual([first!.id]);
    expect((await list("rejected")).proposals.map((p) => p.id)).toEqual([second!.id]);

    await reopenAlignmentProposal(...where, second!.id);
    expect((await list("rejected")).counts.rejected).toBe(0);
  });

  it("proposes a row again once its fact row is deleted", async () => {
    const { where, list } = await setup();
    await runAlignment(...where);
    const [first] = (await list("rows")).proposals;
    const { factRowId } = await acceptAlignmentProposal(...where, first!.id);
    await deleteFactRow(...where, factRowId);
    await runAlignment(...where);
    expect((await list("rows")).proposals.map((p) => p.passages.map((x) => x.exact))).toContainEqual(first!.passages.map((x) => x.exact));
  });

  it("splits a passage out and merges it back; both edits survive a re-run", async () => {
    const { where, list, herald } = await setup();
    await runAlignment(...where);
    const row = (await list("rows")).proposals.find((p) => p.passages.some((x) => x.sourceId === herald.id))!;
    const { splitOffId } = await splitAlignmentProposal(...where, { proposalId: row.id, sourceId: herald.id });
    await runAlignment(...where);
    const review = await list();
    const rest = review.proposals.find((p) => p.id === row.id)!;
    const alone = review.proposals.find((p) => p.id === splitOffId)!;
    expect(rest.passages.map((p) => p.sourceId)).not.toContain(herald.id);
    expect(alone.passages).toEqual([expect.objectContaining({ sourceId: herald.id })]);
    expect(rest.edited && alone.edited).toBe(true);
    // Nothing else proposes the herald's passage again.
    expect(review.proposals.filter((p) => p.passages.some((x) => x.sourceId === herald.id && x.start === alone.passages[0]!.start))).toHaveLength(1);

    expect(await code(splitAlignmentProposal(...where, { proposalId: splitOffId, sourceId: herald.id }))).toBe("INVALID_INPUT");
    await mergeAlignmentProposals(...where, { proposalId: rest.id, withProposalId: splitOffId });
    const merged = (await list()).proposals.find((p) => p.id === rest.id)!;
    expect(merged.passages.map((p) => p.exact).sort()).toEqual(row.passages.map((p) => p.exact).sort());
    expect((await list()).proposals.some((p) => p.id === splitOffId)).toBe(false);
  });

  it("refuses to merge two proposals with passages of the same source", async () => {
    const { where, list } = await setup();
    await runAlignment(...where);
    const [a, b] = (await list("rows")).proposals;
    expect(await code(mergeAlignmentProposals(...where, { proposalId: a!.id, withProposalId: b!.id }))).toBe("CONFLICT");
    expect(await code(mergeAlignmentProposals(...where, { proposalId: a!.id, withProposalId: a!.id }))).toBe("INVALID_INPUT");
  });

  it("accepts every row of several outlets scoring at least the chosen score, and nothing else", async () => {
    const { where, list, comparison } = await setup();
    await runAlignment(...where);
    const rows = (await list("rows")).proposals;
    const scores = rows.map((p) => p.score).sort((a, b) => b - a);
    const threshold = scores[1]!;
    const expected = rows.filter((p) => p.score >= threshold).length;
    expect(await acceptAlignmentProposalsAbove(...where, { minScore: threshold })).toEqual({ accepted: expected });
    expect(await db().factRow.count({ where: { comparisonId: comparison.id } })).toBe(expected);
    expect((await list("only")).counts.accepted).toBe(expected);
    expect(await code(acceptAlignmentProposalsAbove(...where, { minScore: 2 }))).toBe("INVALID_INPUT");
  });

  it("refuses to accept passages of a text edited since the run", async () => {
    const { where, list, herald, comparison } = await setup();
    await runAlignment(...where);
    const row = (await list("rows")).proposals.find((p) => p.passages.some((x) => x.sourceId === herald.id))!;
    await updateSourceText(...where, herald.id, { text: `A new first line.\n${HERALD}`, baseRevision: 1 });
    expect((await list()).proposals.find((p) => p.id === row.id)!.passages.some((x) => x.stale)).toBe(true);
    expect(await code(acceptAlignmentProposal(...where, row.id))).toBe("CONFLICT");
    expect(await db().factRow.count({ where: { comparisonId: comparison.id } })).toBe(0);
    expect((await list()).proposals.find((p) => p.id === row.id)!.status).toBe("PROPOSED");
  });
});
