import "server-only";

export interface InvitationMessage {
  email: string;
  workspaceName: string;
  inviterName: string;
  /** The whole link, with the token: a key to the workspace until it is used. */
  link: string;
}

/**
 * Hands an invitation link on. Parallax sends no email yet, so the link goes to the server
 * log, for whoever runs the instance, and to the owner's members page, to copy and send.
 */
export function deliverInvitation({ email, workspaceName, inviterName, link }: InvitationMessage): void {
  console.info(`Invitation: ${inviterName} invited ${email} to ${workspaceName}. Link (works once, for 7 days): ${link}`);
}
