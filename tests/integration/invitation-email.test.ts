import { createServer, type AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { forgetServerEnv } from "@/lib/server/env";
import { inviteMember } from "@/lib/server/services/invitations/invite-member";
import { ownerWithWorkspace } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();

interface Received {
  to: string[];
  raw: string;
}

const received: Received[] = [];
let smtp: SMTPServer;
let smtpPort: number;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpPort = (smtp.server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

afterEach(() => {
  vi.unstubAllEnvs();
  forgetServerEnv();
});

function useEnv(smtpUrl: string) {
  vi.stubEnv("NEXTAUTH_SECRET", "x".repeat(32));
  vi.stubEnv("NEXTAUTH_URL", "https://parallax.example.org");
  vi.stubEnv("PARALLAX_SMTP_URL", smtpUrl);
  vi.stubEnv("PARALLAX_MAIL_FROM", "Parallax Test <parallax@example.org>");
  forgetServerEnv();
}

/** A port nothing listens on: bound, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The text of a quoted-printable body, soft line breaks joined and escapes decoded. */
function decodeQuotedPrintable(body: string): string {
  return body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

describe("invitation email", () => {
  it("emails the link the service returned to the invited address when SMTP is set", async () => {
    useEnv(`smtp://127.0.0.1:${smtpPort}`);
    const { owner, workspace } = await ownerWithWorkspace("Ada");
    const invitation = await inviteMember(owner, workspace.slug, { email: "new.editor@example.org", role: "EDITOR" });

    expect(invitation.delivery).toEqual({ via: "email" });
    expect(invitation.link).toBe(`https://parallax.example.org${invitation.path}`);
    expect(received).toHaveLength(1);
    const message = received[0]!;
    expect(message.to).toEqual(["new.editor@example.org"]);
    expect(message.raw).toMatch(/^Subject: Ada invited you to Ada's desk on Parallax\r?$/m);
    const body = decodeQuotedPrintable(message.raw);
    expect(body).toContain(invitation.link);
    expect(body).toContain("as an editor");
  });

  it("still creates the invitation, and says why, when the SMTP server cannot be reached", async () => {
    useEnv(`smtp://127.0.0.1:${await closedPort()}`);
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const { owner, workspace } = await ownerWithWorkspace("Bo");
    const invitation = await inviteMember(owner, workspace.slug, { email: "someone@example.org", role: "VIEWER" });

    expect(invitation.delivery.via).toBe("failed");
    expect(invitation.delivery.via === "failed" && invitation.delivery.error).toMatch(/ECONNREFUSED|connect/i);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining("could not be sent"));
    const stored = await db().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(stored).toMatchObject({ email: "someone@example.org", role: "VIEWER", acceptedAt: null, withdrawnAt: null });
    logged.mockRestore();
  });
});
