import { z } from "./zod";
import { ZEmail } from "./auth";
import { refuseUnsafeCharacters } from "./text";

export const ZWorkspaceRole = z
  .enum(["OWNER", "EDITOR", "REVIEWER", "VIEWER"], { error: "Choose a role: owner, editor, reviewer or viewer." })
  .describe("Role in a team workspace");

export const ZCreateWorkspace = z.object({
  name: z.string().superRefine(refuseUnsafeCharacters("line", "name")).trim().min(2, "Give the workspace a name of at least 2 characters.").max(80, "Use at most 80 characters.").describe("Team, newsroom or class name"),
  kind: z.enum(["TEAM", "CLASS"], { error: "Choose a team or a class." }).default("TEAM").describe("A class has a teacher, students and a join code"),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "A workspace address uses lower-case letters, digits and single hyphens, like “city-desk”.")
    .max(48, "Use at most 48 characters for the address.")
    .optional()
    .describe("The workspace's address in /w/<slug>; made from the name when not given"),
});
export type TCreateWorkspace = z.infer<typeof ZCreateWorkspace>;

export const ZInviteMember = z.object({
  email: ZEmail.describe("Email of the person to invite; the link is sent there"),
  role: ZWorkspaceRole,
});
export type TInviteMember = z.infer<typeof ZInviteMember>;

export const ZAddMember = z.object({
  email: ZEmail.describe("Email of an existing account"),
  role: z.enum(["OWNER", "EDITOR", "REVIEWER", "VIEWER", "TEACHER", "STUDENT"], {
    error: "Choose a role: owner, editor, reviewer or viewer in a team; teacher or student in a class.",
  }),
});
export type TAddMember = z.infer<typeof ZAddMember>;

export const ZWithdrawInvitation = z.object({
  invitationId: z.string().min(1).describe("Invitation whose link stops working"),
});
export type TWithdrawInvitation = z.infer<typeof ZWithdrawInvitation>;

export const ZChangeMemberRole = z.object({
  membershipId: z.string().min(1).describe("Membership to change"),
  role: ZWorkspaceRole,
});
export type TChangeMemberRole = z.infer<typeof ZChangeMemberRole>;

export const ZRemoveMember = z.object({
  membershipId: z.string().min(1).describe("Membership to remove"),
});
export type TRemoveMember = z.infer<typeof ZRemoveMember>;
