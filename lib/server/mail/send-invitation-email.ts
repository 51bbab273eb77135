import "server-only";
import nodemailer from "nodemailer";
import type { InvitationEmail } from "@/lib/domain/invitations/invitation-email";

/** How long to wait for the mail server at each step, so an unreachable one fails soon. */
const TIMEOUT_MS = 10_000;

export interface MailSettings {
  /** smtp:// or smtps:// URL, checked by the env module. */
  smtpUrl: string;
  from: string;
}

/** Sends one invitation email over SMTP; throws when the server refuses it or cannot be reached. */
export async function sendInvitationEmail(settings: MailSettings, to: string, email: InvitationEmail): Promise<void> {
  const transport = nodemailer.createTransport({
    url: settings.smtpUrl,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  try {
    await transport.sendMail({ from: settings.from, to, subject: email.subject, text: email.text });
  } finally {
    transport.close();
  }
}
