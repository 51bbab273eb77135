import "server-only";
import { ZProposalKind } from "@/lib/schemas/proposal";
import type { Actor } from "@/lib/server/actor";
import type { SessionUser } from "@/lib/server/auth/session";
import { db } from "@/lib/server/db/client";
import { AppError, notFound } from "@/lib/server/errors";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { parseInput } from "@/lib/server/validation";
import { proposalRunKey } from "./ensure-proposals";
import { findProposals } from "./find-proposals";
import { proposalTagKey, proposalTags } from "./proposal-tags";
import { requireProposalAccess } from "./require-proposal-access";
import { lexiconInUse } from "./workspace-lexicon";

type Reviewer = Actor & Pick<SessionUser, "name">;

async function requireOpenProposal(actor: Actor, comparisonId: string, proposalId: string) {
  const { comparison } = await requireProposalAccess(actor, comparisonId);
  const proposal = await db().proposal.findFirst({
    where: { id: proposalId, comparisonId: comparison.id },
    include: { revision: { select: { number: true, currentOf: { select: { id: true } } } } },
  });
  if (!proposal || proposal.runKey !== proposalRunKey(await lexiconInUse(comparison.workspaceId))) throw notFound("That proposal");
  if (!proposal.revision.currentOf) throw new AppError("CONFLICT", "The source was edited since this was proposed. Its new text has proposals of its own.");
  return { comparison, proposal };
}

/** Records the actor's verdict once; a second decision on the same proposal is refused. */
async function recordVerdict(actor: Actor, proposalId: string, verdict: "ACCEPTED" | "REJECTED") {
  const recorded = await db().proposalDecision.createMany({ data: [{ proposalId, userId: actor.id, verdict }], skipDuplicates: true });
  if (recorded.count === 0) throw new AppError("CONFLICT", "You already accepted or rejected this proposal.");
}

/**
 * Accepting copies the proposal into the actor's own annotations, with its analyser and
 * version kept as provenance (`proposedBy`); from then on it is an ordinary annotation. The
 * verdict is stored first, so a double click cannot make two annotations; if the annotation
 * cannot be made (the tag was retired meanwhile, say), the verdict is taken back.
 */
export async function acceptProposal(actor: Reviewer, comparisonId: string, proposalId: string) {
  const { comparison, proposal } = await requireOpenProposal(actor, comparisonId, proposalId);
  const tag = (await proposalTags(comparison.id)).get(proposalTagKey(proposal));
  if (!tag) throw new AppError("CONFLICT", `This comparison no longer has the tag “${proposal.tagName}” to accept it with.`);
  await recordVerdict(actor, proposal.id, "ACCEPTED");
  try {
    const annotation = await createAnnotation(
      actor,
      comparison.id,
      {
        sourceId: proposal.sourceId,
        start: proposal.start,
        end: proposal.end,
        revisionNumber: proposal.revision.number,
        tagIds: [tag.id],
        claim: proposal.claimAssertedBy ? { asserter: "QUOTED_PARTY", assertedBy: proposal.claimAssertedBy.slice(0, 200), status: "UNVERIFIED", evidence: [] } : null,
      },
      { proposedBy: `${proposal.analyser}@${proposal.analyserVersion}` },
    );
    await db().proposalDecision.update({ where: { proposalId_userId: { proposalId: proposal.id, userId: actor.id } }, data: { annotationId: annotation.id } });
    return annotation;
  } catch (error) {
    await db().proposalDecision.deleteMany({ where: { proposalId: proposal.id, userId: actor.id } });
    throw error;
  }
}

/** Rejecting hides the proposal from the actor for good; other reviewers still get it. */
export async function rejectProposal(actor: Actor, comparisonId: string, proposalId: string) {
  const { proposal } = await requireOpenProposal(actor, comparisonId, proposalId);
  await recordVerdict(actor, proposal.id, "REJECTED");
}

/** Accepts every open proposal of one analyser and tag in one source, in text order. */
export async function acceptProposalsOfKind(actor: Reviewer, comparisonId: string, input: unknown) {
  const { sourceId, analyser, tagId } = parseInput(ZProposalKind, input);
  const open = (await findProposals(actor, comparisonId, sourceId)).filter((p) => p.analyser === analyser && p.tag.id === tagId);
  const accepted = [];
  for (const proposal of open) accepted.push(await acceptProposal(actor, comparisonId, proposal.id));
  return accepted;
}
