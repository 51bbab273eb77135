export interface InvitationEmailInput {
  inviterName: string;
  workspaceName: string;
  /** The role the invitee will have, as stored: OWNER, EDITOR, REVIEWER, VIEWER… */
  role: string;
  /** The whole link, with the token. */
  link: string;
  expiresAt: Date;
}

export interface InvitationEmail {
  subject: string;
  text: string;
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "13 December 2026, 12:00 UTC": the same on every server, whatever its locale or zone. */
function formatExpiry(date: Date): string {
  const hh = String(date.getUTCHours()).padStart(2, "0");
  const mm = String(date.getUTCMinutes()).padStart(2, "0");
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${hh}:${mm} UTC`;
}

function roleWithArticle(role: string): string {
  const word = role.toLowerCase();
  return `${/^[aeiou]/.test(word) ? "an" : "a"} ${word}`;
}

/** The email that carries an invitation link: who invites, to which workspace, as what, until when. */
export function invitationEmail({ inviterName, workspaceName, role, link, expiresAt }: InvitationEmailInput): InvitationEmail {
  const expiry = formatExpiry(expiresAt);
  return {
    subject: `${inviterName} invited you to ${workspaceName} on Parallax`,
    text: [
      `${inviterName} invited you to join the workspace "${workspaceName}" on Parallax as ${roleWithArticle(role)}.`,
      "",
      "To join, open this link, then sign in or create an account:",
      link,
      "",
      `The link works once and expires on ${expiry}. If you did not expect this invitation, ignore this email.`,
      "",
    ].join("\n"),
  };
}
