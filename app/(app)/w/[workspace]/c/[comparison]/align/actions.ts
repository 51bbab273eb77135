"use server";

import { revalidatePath } from "next/cache";
import { userCall } from "@/lib/server/action";
import { acceptAlignmentProposal, acceptAlignmentProposalsAbove } from "@/lib/server/services/alignment/accept-alignment-proposal";
import { mergeAlignmentProposals } from "@/lib/server/services/alignment/merge-alignment-proposals";
import { rejectAlignmentProposal, reopenAlignmentProposal } from "@/lib/server/services/alignment/reject-alignment-proposal";
import { runAlignment } from "@/lib/server/services/alignment/run-alignment";
import { splitAlignmentProposal } from "@/lib/server/services/alignment/split-alignment-proposal";

type Where = { workspace: string; comparison: string };

function refresh({ workspace, comparison }: Where) {
  revalidatePath(`/w/${workspace}/c/${comparison}`, "layout");
}

export const runAlignmentAction = userCall(async (user, where: Where) => {
  const result = await runAlignment(user, where.workspace, where.comparison);
  refresh(where);
  return result;
});

export const acceptAlignmentProposalAction = userCall(async (user, where: Where, proposalId: string) => {
  const result = await acceptAlignmentProposal(user, where.workspace, where.comparison, proposalId);
  refresh(where);
  return result;
});

export const acceptAlignmentProposalsAboveAction = userCall(async (user, where: Where, minScore: number) => {
  const result = await acceptAlignmentProposalsAbove(user, where.workspace, where.comparison, { minScore });
  refresh(where);
  return result;
});

export const rejectAlignmentProposalAction = userCall(async (user, where: Where, proposalId: string) => {
  await rejectAlignmentProposal(user, where.workspace, where.comparison, proposalId);
  refresh(where);
});

export const reopenAlignmentProposalAction = userCall(async (user, where: Where, proposalId: string) => {
  await reopenAlignmentProposal(user, where.workspace, where.comparison, proposalId);
  refresh(where);
});

export const splitAlignmentProposalAction = userCall(async (user, where: Where, proposalId: string, sourceId: string) => {
  const result = await splitAlignmentProposal(user, where.workspace, where.comparison, { proposalId, sourceId });
  refresh(where);
  return result;
});

export const mergeAlignmentProposalsAction = userCall(async (user, where: Where, proposalId: string, withProposalId: string) => {
  const result = await mergeAlignmentProposals(user, where.workspace, where.comparison, { proposalId, withProposalId });
  refresh(where);
  return result;
});
