import { describe, expect, it } from "vitest";
import { invitationEmail, type InvitationEmailInput } from "./invitation-email";

const base: InvitationEmailInput = {
  inviterName: "Ada Owner",
  workspaceName: "Newsroom",
  role: "EDITOR",
  link: "https://parallax.example.org/invite/abc123",
  expiresAt: new Date("2026-12-13T12:00:00Z"),
};

describe("invitationEmail", () => {
  it.each<[string, Partial<InvitationEmailInput>, string, string[]]>([
    ["an editor", {}, "Ada Owner invited you to Newsroom on Parallax", ['join the workspace "Newsroom"', "as an editor.", "expires on 13 December 2026, 12:00 UTC"]],
    ["a reviewer", { role: "REVIEWER" }, "Ada Owner invited you to Newsroom on Parallax", ["as a reviewer."]],
    ["an owner", { role: "OWNER" }, "Ada Owner invited you to Newsroom on Parallax", ["as an owner."]],
    ["a viewer", { role: "VIEWER" }, "Ada Owner invited you to Newsroom on Parallax", ["as a viewer."]],
    ["another inviter and workspace", { inviterName: "Bo", workspaceName: "Desk B" }, "Bo invited you to Desk B on Parallax", ['Bo invited you to join the workspace "Desk B"']],
    ["an expiry early in a month, in UTC", { expiresAt: new Date("2027-01-02T03:04:00Z") }, "Ada Owner invited you to Newsroom on Parallax", ["expires on 2 January 2027, 03:04 UTC"]],
  ])("%s", (_name, overrides, subject, inBody) => {
    const input = { ...base, ...overrides };
    const email = invitationEmail(input);
    expect(email.subject).toBe(subject);
    expect(email.text.split("\n")).toContain(input.link);
    for (const part of inBody) expect(email.text).toContain(part);
  });
});
