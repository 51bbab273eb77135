import "server-only";
import type { ProposalLink, ProposalPassage } from "@/lib/domain/alignment/proposals";
import type { DbTx } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";

/** The columns of a proposal every service reads. */
export const proposalSelect = {
  id: true,
  status: true,
  position: true,
  passages: true,
  links: true,
  score: true,
  key: true,
  edited: true,
  factRowId: true,
  createdAt: true,
} as const;

/** Passages and links are stored as JSON written only by these services: read them back typed. */
export function readProposal<T extends { passages: unknown; links: unknown }>(row: T): Omit<T, "passages" | "links"> & { passages: ProposalPassage[]; links: ProposalLink[] } {
  return { ...row, passages: row.passages as ProposalPassage[], links: row.links as ProposalLink[] };
}

/** An undecided proposal of the comparison, or not found; a decided one is a conflict. */
export async function requireOpenProposal(tx: DbTx, comparisonId: string, proposalId: string) {
  const row = await tx.alignmentProposal.findFirst({ where: { id: proposalId, comparisonId }, select: proposalSelect });
  if (!row) throw notFound("That proposal");
  if (row.status !== "PROPOSED") {
    throw new AppError("CONFLICT", `That proposal was already ${row.status === "ACCEPTED" ? "accepted" : "rejected"}. Reload the list to see where it stands.`);
  }
  return readProposal(row);
}

/** The current revision of each source of the comparison, by source id, in column order. */
export async function currentRevisions(tx: DbTx, comparisonId: string) {
  const sources = await tx.source.findMany({
    where: { comparisonId, currentRevisionId: { not: null } },
    orderBy: { position: "asc" },
    select: { id: true, title: true, outlet: { select: { name: true } }, currentRevision: { select: { id: true, number: true, text: true } } },
  });
  return new Map(sources.flatMap((s) => (s.currentRevision ? [[s.id, { ...s, currentRevision: s.currentRevision }] as const] : [])));
}
