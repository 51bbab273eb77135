import { z } from "./zod";

/** Which proposals of Align all the review list shows. */
export const ALIGNMENT_VIEWS = ["review", "rows", "only", "accepted", "rejected"] as const;
export type TAlignmentView = (typeof ALIGNMENT_VIEWS)[number];

export const ZAlignmentListQuery = z.object({
  view: z.enum(ALIGNMENT_VIEWS).catch("review").default("review").describe("To review (all undecided), rows of several outlets, passages only one outlet reports, accepted, rejected"),
  page: z.coerce.number().int().positive().catch(1).default(1).describe("Page of the list, from 1"),
});
export type TAlignmentListQuery = z.infer<typeof ZAlignmentListQuery>;

export const ZAlignmentProposalId = z.string().trim().min(1, "Choose a proposal.").describe("An Align all proposal of the comparison");

export const ZSplitAlignmentProposal = z.object({
  proposalId: ZAlignmentProposalId,
  sourceId: z.string().trim().min(1, "Choose the passage to take out.").describe("The source whose passage becomes a proposal of its own"),
});
export type TSplitAlignmentProposal = z.infer<typeof ZSplitAlignmentProposal>;

export const ZMergeAlignmentProposals = z.object({
  proposalId: ZAlignmentProposalId,
  withProposalId: ZAlignmentProposalId.describe("The proposal merged into the first"),
});
export type TMergeAlignmentProposals = z.infer<typeof ZMergeAlignmentProposals>;

export const ZAcceptAlignmentAbove = z.object({
  minScore: z.coerce
    .number({ error: "Give the score as a number between 0 and 1." })
    .min(0, "Give a score between 0 and 1.")
    .max(1, "Give a score between 0 and 1.")
    .describe("Accept every undecided proposal of several outlets scoring at least this"),
});
export type TAcceptAlignmentAbove = z.infer<typeof ZAcceptAlignmentAbove>;
