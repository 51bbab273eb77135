import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { findComparisons } from "@/lib/server/services/comparisons/find-comparisons";
import { acceptInvitation, findInvitationByToken } from "@/lib/server/services/invitations/accept-invitation";
import { createInvitation } from "@/lib/server/services/invitations/create-invitation";
import { withdrawInvitation } from "@/lib/server/services/invitations/withdraw-invitation";
import { createUser } from "@/lib/server/services/users/create-user";
import { changeMemberRole } from "@/lib/server/services/members/change-member-role";
import { findMembers } from "@/lib/server/services/members/find-members";
import { removeMember } from "@/lib/server/services/members/remove-member";
import { createWorkspace } from "@/lib/server/services/workspaces/create-workspace";
import { findWorkspaces } from "@/lib/server/services/workspaces/find-workspaces";
import { getWorkspaceBySlug } from "@/lib/server/services/workspaces/get-workspace-by-slug";
import { addMember, ownerWithWorkspace, PASSWORD, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

async function code(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describe("workspaces", () => {
  it("makes the creator the owner and gives each workspace its own slug", async () => {
    const owner = await signUp("Greta");
    const first = await createWorkspace(owner, { name: "Standards Desk" });
    const second = await createWorkspace(owner, { name: "Standards desk!" });
    expect(first.slug).toBe("standards-desk");
    expect(second.slug).toBe("standards-desk-2");
    const mine = await findWorkspaces(owner);
    expect(mine.map((w) => [w.slug, w.role])).toEqual(
      expect.arrayContaining([["standards-desk", "OWNER"], ["standards-desk-2", "OWNER"]]),
    );
  });

  it("rejects a blank name with a message", async () => {
    const owner = await signUp("Hugo");
    const error = await createWorkspace(owner, { name: "  " }).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).fieldErrors?.name).toMatch(/name/i);
  });

  it("is invisible to people outside it", async () => {
    const { workspace } = await ownerWithWorkspace("Ines");
    const outsider = await signUp("Outsider");
    expect(await code(getWorkspaceBySlug(outsider, workspace.slug))).toBe("NOT_FOUND");
    expect(await code(findComparisons(outsider, workspace.slug))).toBe("NOT_FOUND");
    expect(await code(findMembers(outsider, workspace.slug))).toBe("NOT_FOUND");
    expect(await findWorkspaces(outsider)).toEqual([]);
  });
});

describe("members and roles", () => {
  it("joins through the invitation link, and refuses to invite a member again", async () => {
    const { owner, workspace } = await ownerWithWorkspace("Jules");
    const reviewer = await signUp("Kim");
    await addMember(owner, workspace.slug, { email: reviewer.email, role: "REVIEWER" });
    await createInvitation(owner, workspace.slug, { email: "later@example.org", role: "EDITOR" });
    const { members, invitations } = await findMembers(owner, workspace.slug);
    expect(members.map((m) => [m.user.email, m.role])).toEqual([[owner.email, "OWNER"], [reviewer.email, "REVIEWER"]]);
    expect(invitations.map((i) => [i.email, i.role, i.expired])).toEqual([["later@example.org", "EDITOR", false]]);
    expect(await code(createInvitation(owner, workspace.slug, { email: reviewer.email, role: "VIEWER" }))).toBe("CONFLICT");
  });

  it("lets only owners invite, change roles and remove", async () => {
    const { owner, workspace } = await ownerWithWorkspace("Lena");
    const editor = await signUp("Mo");
    await addMember(owner, workspace.slug, { email: editor.email, role: "EDITOR" });
    const membership = await db().membership.findFirstOrThrow({ where: { userId: editor.id, workspaceId: workspace.id } });

    expect(await code(createInvitation(editor, workspace.slug, { email: "x@example.org", role: "VIEWER" }))).toBe("FORBIDDEN");
    expect(await code(changeMemberRole(editor, workspace.slug, { membershipId: membership.id, role: "OWNER" }))).toBe("FORBIDDEN");
    expect(await code(removeMember(editor, workspace.slug, { membershipId: membership.id }))).toBe("FORBIDDEN");

    await changeMemberRole(owner, workspace.slug, { membershipId: membership.id, role: "VIEWER" });
    expect((await db().membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("VIEWER");
    await removeMember(owner, workspace.slug, { membershipId: membership.id });
    expect(await code(getWorkspaceBySlug(editor, workspace.slug))).toBe("NOT_FOUND");
  });

  it("never leaves a workspace without an owner", async () => {
    const { owner, workspace } = await ownerWithWorkspace("Nora");
    const own = await db().membership.findFirstOrThrow({ where: { userId: owner.id, workspaceId: workspace.id } });
    expect(await code(changeMemberRole(owner, workspace.slug, { membershipId: own.id, role: "EDITOR" }))).toBe("CONFLICT");
    expect(await code(removeMember(owner, workspace.slug, { membershipId: own.id }))).toBe("CONFLICT");
  });

  it("cannot touch a membership of another workspace through its own", async () => {
    const a = await ownerWithWorkspace("Omar");
    const b = await ownerWithWorkspace("Pia");
    const foreign = await db().membership.findFirstOrThrow({ where: { workspaceId: b.workspace.id } });
    expect(await code(changeMemberRole(a.owner, a.workspace.slug, { membershipId: foreign.id, role: "VIEWER" }))).toBe("NOT_FOUND");
    expect(await code(removeMember(a.owner, a.workspace.slug, { membershipId: foreign.id }))).toBe("NOT_FOUND");
  });

  it("refuses an unknown role with a clear message", async () => {
    const { owner, workspace } = await ownerWithWorkspace("Quinn");
    const error = await createInvitation(owner, workspace.slug, { email: "r@example.org", role: "ADMIN" }).catch((e: AppError) => e);
    expect((error as AppError).fieldErrors?.role).toMatch(/owner, editor, reviewer or viewer/);
  });
});

// Before, an invitation sent nothing and whoever signed up with the address joined.
describe("invitation links", () => {
  const message = async (promise: Promise<unknown>) => ((await promise.then(() => null, (e: unknown) => e)) as AppError).message;

  it("stores only the token's hash, and the link joins with the role given, once", async () => {
    const { owner, workspace } = await ownerWithWorkspace("Rae");
    const invitation = await createInvitation(owner, workspace.slug, { email: "sol@example.org", role: "EDITOR" });
    expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(JSON.stringify(stored)).not.toContain(invitation.token);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(7 * 24 * 60 * 60 * 1000);

    const sol = await createUser({ name: "Sol", email: "sol@example.org", password: PASSWORD });
    expect(await code(getWorkspaceBySlug(sol, workspace.slug))).toBe("NOT_FOUND");
    expect(await findInvitationByToken(invitation.token)).toMatchObject({ status: "open", role: "EDITOR", workspace: { name: workspace.name } });

    await acceptInvitation(sol, invitation.token);
    expect((await getWorkspaceBySlug(sol, workspace.slug)).role).toBe("EDITOR");
    expect(await findInvitationByToken(invitation.token)).toEqual({ status: "accepted" });
    expect(await message(acceptInvitation(await signUp("Tam"), invitation.token))).toMatch(/used already/);
  });

  it("joins whoever opens the link, whatever their email, and only one of two at once", async () => {
    const { owner, workspace } = await ownerWithWorkspace("Uma");
    const { token } = await createInvitation(owner, workspace.slug, { email: "vera@example.org", role: "REVIEWER" });
    const [a, b] = [await signUp("Val"), await signUp("Wes")];
    const outcomes = await Promise.allSettled([acceptInvitation(a, token), acceptInvitation(b, token)]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(await db().membership.count({ where: { workspaceId: workspace.id, userId: { in: [a.id, b.id] } } })).toBe(1);
  });

  it("stops working when withdrawn, when expired, or when the address is invited again", async () => {
    const { owner, workspace } = await ownerWithWorkspace("Xia");
    const joiner = await signUp("Yves");
    const first = await createInvitation(owner, workspace.slug, { email: "zed@example.org", role: "VIEWER" });
    const second = await createInvitation(owner, workspace.slug, { email: "zed@example.org", role: "REVIEWER" });
    expect(await message(acceptInvitation(joiner, first.token))).toMatch(/withdrawn/);

    await withdrawInvitation(owner, workspace.slug, { invitationId: second.id });
    expect(await findInvitationByToken(second.token)).toEqual({ status: "withdrawn" });
    expect(await message(acceptInvitation(joiner, second.token))).toMatch(/withdrawn/);
    expect((await findMembers(owner, workspace.slug)).invitations).toEqual([]);

    const third = await createInvitation(owner, workspace.slug, { email: "zed@example.org", role: "REVIEWER" });
    await db().invitation.update({ where: { id: third.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findInvitationByToken(third.token)).toEqual({ status: "expired" });
    expect(await message(acceptInvitation(joiner, third.token))).toMatch(/expired/);
    expect((await findMembers(owner, workspace.slug)).invitations.map((i) => i.expired)).toEqual([true]);

    expect(await message(acceptInvitation(joiner, "x".repeat(43)))).toMatch(/not valid/);
    expect(await findInvitationByToken("not-a-token")).toBeNull();
    expect(await code(getWorkspaceBySlug(joiner, workspace.slug))).toBe("NOT_FOUND");
  });

  it("cannot withdraw another workspace's invitation, nor one already used", async () => {
    const a = await ownerWithWorkspace("Abe");
    const b = await ownerWithWorkspace("Bea");
    const foreign = await createInvitation(b.owner, b.workspace.slug, { email: "cy@example.org", role: "VIEWER" });
    expect(await code(withdrawInvitation(a.owner, a.workspace.slug, { invitationId: foreign.id }))).toBe("NOT_FOUND");
    await acceptInvitation(await signUp("Cy"), foreign.token);
    expect(await code(withdrawInvitation(b.owner, b.workspace.slug, { invitationId: foreign.id }))).toBe("CONFLICT");
  });
});
