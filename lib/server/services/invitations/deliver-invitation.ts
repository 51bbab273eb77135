import "server-only";
import { invitationEmail } from "@/lib/domain/invitations/invitation-email";
import { serverEnv } from "@/lib/server/env";
import { sendInvitationEmail } from "@/lib/server/mail/send-invitation-email";

export interface InvitationMessage {
  email: string;
  workspaceName: string;
  inviterName: string;
  role: string;
  expiresAt: Date;
  /** The whole link, with the token: a key to the workspace until it is used. */
  link: string;
}

/** How the link went out: by email, to the server log only (no SMTP set), or the email failed. */
export type InvitationDelivery = { via: "email" } | { via: "log" } | { via: "failed"; error: string };

/**
 * Hands an invitation link on. With PARALLAX_SMTP_URL set it is emailed to the invitee;
 * without, it goes to the server log, for whoever runs the instance. Either way the owner's
 * members page shows it to copy. A failed email is logged and reported, never thrown: the
 * invitation exists already and its link still works.
 */
export async function deliverInvitation(message: InvitationMessage): Promise<InvitationDelivery> {
  const { email, workspaceName, inviterName, link } = message;
  const env = serverEnv();
  if (!env.PARALLAX_SMTP_URL) {
    console.info(`Invitation: ${inviterName} invited ${email} to ${workspaceName}. Link (works once, for 7 days): ${link}`);
    return { via: "log" };
  }
  try {
    await sendInvitationEmail({ smtpUrl: env.PARALLAX_SMTP_URL, from: env.PARALLAX_MAIL_FROM }, email, invitationEmail(message));
    return { via: "email" };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Invitation: the email to ${email} for ${workspaceName} could not be sent: ${reason}`);
    return { via: "failed", error: reason };
  }
}
