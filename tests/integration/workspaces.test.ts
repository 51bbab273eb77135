import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { findComparisons } from "@/lib/server/services/comparisons/find-comparisons";
import { changeMemberRole } from "@/lib/server/services/members/change-member-role";
import { findMembers } from "@/lib/server/services/members/find-members";
import { inviteMember } from "@/lib/server/services/members/invite-member";
import { removeMember } from "@/lib/server/services/members/remove-member";
import { createWorkspace } from "@/lib/server/services/workspaces/create-workspace";
import { findWorkspaces } from "@/lib/server/services/workspaces/find-workspaces";
import { getWorkspaceBySlug } from "@/lib/server/services/workspaces/get-workspace-by-slug";
import { ownerWithWorkspace, signUp } from "./helpers/factories";
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
  it("adds an existing account at once and keeps an invitation for a new email", async () => {
    const { owner, workspace } = await ownerWithWorkspace("Jules");
    const reviewer = await signUp("Kim");
    expect(await inviteMember(owner, workspace.slug, { email: reviewer.email, role: "REVIEWER" })).toMatchObject({ status: "added" });
    expect(await inviteMember(owner, workspace.slug, { email: "later@example.org", role: "EDITOR" })).toMatchObject({ status: "invited" });
    const { members, invitations } = await findMembers(owner, workspace.slug);
    expect(members.map((m) => [m.user.email, m.role])).toEqual([[owner.email, "OWNER"], [reviewer.email, "REVIEWER"]]);
    expect(invitations.map((i) => [i.email, i.role])).toEqual([["later@example.org", "EDITOR"]]);
    expect(await code(inviteMember(owner, workspace.slug, { email: reviewer.email, role: "VIEWER" }))).toBe("CONFLICT");
  });

  it("lets only owners invite, change roles and remove", async () => {
    const { owner, workspace } = await ownerWithWorkspace("Lena");
    const editor = await signUp("Mo");
    await inviteMember(owner, workspace.slug, { email: editor.email, role: "EDITOR" });
    const membership = await db().membership.findFirstOrThrow({ where: { userId: editor.id, workspaceId: workspace.id } });

    expect(await code(inviteMember(editor, workspace.slug, { email: "x@example.org", role: "VIEWER" }))).toBe("FORBIDDEN");
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
    const error = await inviteMember(owner, workspace.slug, { email: "r@example.org", role: "ADMIN" }).catch((e: AppError) => e);
    expect((error as AppError).fieldErrors?.role).toMatch(/owner, editor, reviewer or viewer/);
  });
});
