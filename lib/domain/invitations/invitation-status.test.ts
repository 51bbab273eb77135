import { describe, expect, it } from "vitest";
import { invitationExpiry, invitationStatus, type InvitationDates } from "./invitation-status";

const now = new Date("2026-12-06T12:00:00Z");
const later = new Date("2026-12-10T12:00:00Z");
const earlier = new Date("2026-12-01T12:00:00Z");

describe("invitationStatus", () => {
  it.each<[string, InvitationDates, string]>([
    ["unused and in date", { expiresAt: later, acceptedAt: null, withdrawnAt: null }, "open"],
    ["past its date", { expiresAt: earlier, acceptedAt: null, withdrawnAt: null }, "expired"],
    ["expiring this very moment", { expiresAt: now, acceptedAt: null, withdrawnAt: null }, "expired"],
    ["used once", { expiresAt: later, acceptedAt: earlier, withdrawnAt: null }, "accepted"],
    ["used, and expired since", { expiresAt: earlier, acceptedAt: earlier, withdrawnAt: null }, "accepted"],
    ["withdrawn", { expiresAt: later, acceptedAt: null, withdrawnAt: earlier }, "withdrawn"],
    ["withdrawn, and expired since", { expiresAt: earlier, acceptedAt: null, withdrawnAt: earlier }, "withdrawn"],
  ])("%s", (_name, invitation, expected) => {
    expect(invitationStatus(invitation, now)).toBe(expected);
  });
});

describe("invitationExpiry", () => {
  it("is seven days after the invitation", () => {
    expect(invitationExpiry(now).toISOString()).toBe("2026-12-13T12:00:00.000Z");
  });
});
