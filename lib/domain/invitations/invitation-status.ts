/** How long an invitation link stays valid. A week covers a holiday; past that, the owner invites again. */
export const INVITATION_VALID_DAYS = 7;

export type InvitationStatus = "open" | "accepted" | "withdrawn" | "expired";

export interface InvitationDates {
  expiresAt: Date;
  acceptedAt: Date | null;
  withdrawnAt: Date | null;
}

/**
 * Whether an invitation link can still be used, and if not why: used once already,
 * withdrawn by an owner, or past its date. What happened to it outranks its age, so a link
 * that was used and has since expired still says it was used.
 */
export function invitationStatus(invitation: InvitationDates, now: Date): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  if (invitation.withdrawnAt) return "withdrawn";
  if (invitation.expiresAt.getTime() <= now.getTime()) return "expired";
  return "open";
}

/** When an invitation made at `createdAt` expires. */
export function invitationExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + INVITATION_VALID_DAYS * 24 * 60 * 60 * 1000);
}
