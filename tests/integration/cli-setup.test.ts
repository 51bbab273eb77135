import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { promisify } from "node:util";
import { describe, expect, it, vi } from "vitest";
import type { CliIo } from "@/lib/server/cli/command";
import { addMemberFromCli, runMember } from "@/lib/server/cli/member";
import { createUserFromCli, readFirstLine, runUser } from "@/lib/server/cli/user";
import { createWorkspaceFromCli, runWorkspace } from "@/lib/server/cli/workspace";
import { databaseTarget, installDbClient } from "@/lib/server/db/client";
import { verifyCredentials } from "@/lib/server/services/users/verify-credentials";
import { PASSWORD, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

const db = setupTestDb();
const repoRoot = path.resolve(import.meta.dirname, "../..");

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

describe("user create", () => {
  it("creates an account that signs in with the password given", async () => {
    const { user, madeUpPassword } = await createUserFromCli({ email: "Ana@Example.org", name: "Ana Díaz", password: PASSWORD });
    expect(user).toMatchObject({ email: "ana@example.org", name: "Ana Díaz" });
    expect(madeUpPassword).toBeNull();
    await expect(verifyCredentials({ email: "ana@example.org", password: PASSWORD, ip: "192.0.2.1" })).resolves.toMatchObject({ id: user.id });
  });

  it("makes up a password when none is given, and it signs in", async () => {
    const { user, madeUpPassword } = await createUserFromCli({ email: "made-up@example.org", name: "Made Up" });
    expect(madeUpPassword).toMatch(/^[\w-]{20}$/);
    await expect(verifyCredentials({ email: user.email, password: madeUpPassword, ip: "192.0.2.1" })).resolves.toMatchObject({ id: user.id });
  });

  it.each([
    ["a taken email", { email: "ana@example.org", name: "Other", password: PASSWORD }, /already exists/],
    ["a bad email", { email: "not-an-email", name: "X", password: PASSWORD }, /valid email address/],
    ["a short password", { email: "short@example.org", name: "X", password: "short" }, /at least 10 characters/],
  ])("refuses %s with the app's message", async (_name, options, message) => {
    await expect(createUserFromCli(options)).rejects.toThrow(message);
  });

  it("reads the password from the first line of standard input", async () => {
    expect(await readFirstLine(Readable.from(["secret pass", "word\nsecond line\n"]))).toBe("secret password");
  });
});

describe("workspace create", () => {
  it("creates a newsroom at the slug asked for, owned by the account", async () => {
    const owner = await signUp("Newsroom Owner");
    const workspace = await createWorkspaceFromCli({ name: "City desk", slug: "city-desk", kind: "newsroom", owner: owner.email.toUpperCase() });
    expect(workspace).toMatchObject({ slug: "city-desk", kind: "TEAM", joinCode: null });
    expect(await db().membership.findFirst({ where: { workspaceId: workspace.id }, select: { userId: true, role: true } })).toEqual({ userId: owner.id, role: "OWNER" });
  });

  it("creates a class with a join code, its owner as teacher; the slug comes from the name", async () => {
    const teacher = await signUp("Teacher");
    const klass = await createWorkspaceFromCli({ name: "Media literacy 101", kind: "class", owner: teacher.email });
    expect(klass).toMatchObject({ slug: "media-literacy-101", kind: "CLASS", joinCode: expect.any(String) });
    expect(await db().membership.findFirst({ where: { workspaceId: klass.id }, select: { role: true } })).toEqual({ role: "TEACHER" });
  });

  it.each([
    ["a taken slug", { name: "Another desk", slug: "city-desk" }, /Another workspace has the address “city-desk”/],
    ["a slug with capitals", { name: "Another desk", slug: "City Desk" }, /lower-case letters, digits and single hyphens/],
    ["an unknown owner", { name: "Another desk", owner: "nobody@example.org" }, /No account has the email nobody@example.org: create it first/],
  ])("refuses %s", async (_name, options, message) => {
    const owner = await signUp("Refused Owner");
    await expect(createWorkspaceFromCli({ kind: "newsroom", owner: owner.email, ...options })).rejects.toThrow(message);
  });
});

describe("member add", () => {
  it("adds an account to a newsroom with the role given, acting as its first owner", async () => {
    const owner = await signUp("Desk Owner");
    const editor = await signUp("Editor");
    const desk = await createWorkspaceFromCli({ name: "Foreign desk", kind: "newsroom", owner: owner.email });
    const member = await addMemberFromCli({ workspace: desk.slug, email: editor.email, role: "editor" });
    expect(member).toMatchObject({ role: "EDITOR", user: { id: editor.id } });
    await expect(addMemberFromCli({ workspace: desk.slug, email: editor.email, role: "viewer" })).rejects.toThrow(/already a member/);
  });

  it("adds a student to a class and drops their pending request to join", async () => {
    const teacher = await signUp("Class Teacher");
    const student = await signUp("Student");
    const klass = await createWorkspaceFromCli({ name: "Class of 2027", kind: "class", owner: teacher.email });
    await db().joinRequest.create({ data: { workspaceId: klass.id, userId: student.id } });
    expect(await addMemberFromCli({ workspace: klass.slug, email: student.email, role: "student" })).toMatchObject({ role: "STUDENT" });
    expect(await db().joinRequest.count({ where: { workspaceId: klass.id } })).toBe(0);
  });

  it("refuses a role the workspace's kind does not have, an unknown account, and an actor who is not an owner", async () => {
    const owner = await signUp("Strict Owner");
    const viewer = await signUp("Viewer");
    const desk = await createWorkspaceFromCli({ name: "Strict desk", kind: "newsroom", owner: owner.email });
    await expect(addMemberFromCli({ workspace: desk.slug, email: viewer.email, role: "student" })).rejects.toThrow("Roles in a team are owner, editor, reviewer and viewer.");
    await expect(addMemberFromCli({ workspace: desk.slug, email: "ghost@example.org", role: "viewer" })).rejects.toThrow(/No account has the email ghost@example.org/);
    await addMemberFromCli({ workspace: desk.slug, email: viewer.email, role: "viewer" });
    const other = await signUp("Other");
    await expect(addMemberFromCli({ workspace: desk.slug, email: other.email, role: "editor", as: viewer.email })).rejects.toThrow(/Only the workspace's owners/);
    await expect(addMemberFromCli({ workspace: "no-such-desk", email: other.email, role: "editor" })).rejects.toThrow(/There is no workspace “no-such-desk”/);
  });
});

describe("calls refused before any database is opened", () => {
  let captured = capture();
  const io = () => ({ out: (t: string) => captured.io.out(t), err: (t: string) => captured.io.err(t) });

  it.each([
    ["user create without --name", () => runUser(["create", "--email", "a@example.org"], io()), /Required option '--name <name>' not specified/],
    ["user with no subcommand", () => runUser([], io()), /Usage: npm run cli -- user/],
    ["workspace create with an unknown kind", () => runWorkspace(["create", "--name", "X", "--owner", "a@example.org", "--kind", "club"], io()), /Allowed choices are newsroom, class/],
    ["member add with an unknown option", () => runMember(["add", "--workspace", "x", "--email", "a@example.org", "--role", "editor", "--force"], io()), /Unknown option '--force'/],
    ["member add with a role no workspace has", () => runMember(["add", "--workspace", "x", "--email", "a@example.org", "--role", "admin"], io()), /Allowed choices are owner, editor, reviewer, viewer, teacher, student/],
  ])("%s exits 2 and says what to fix", async (_name, run, message) => {
    captured = capture();
    expect(await run()).toBe(2);
    expect(captured.err.join("\n")).toMatch(message);
    expect(captured.err.join("\n")).toMatch(/--help" to see how to call it|Usage:/);
  });
});

describe("npm run cli on a database that was never migrated", () => {
  // A real `npm run cli` process for each command (user, workspace, member): the spawn is what
  // proves that the CLI starts, migrates a new database, prints and exits as it should. What
  // only sets the scene runs the command's module in this process, on the same data folder, as
  // a child of the CLI would (sharing its lock): a process through tsx costs seconds each.
  it("migrates it first, then sets up a newsroom from scratch", { timeout: 300_000 }, async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "parallax-cli-setup-"));
    const env = { PARALLAX_DATA_DIR: dataDir, DATABASE_URL: "" };
    const cliArgs = (args: string[]) => ["--import", "tsx", "--conditions=react-server", "scripts/cli.ts", ...args];
    const spawnEnv = { ...process.env, ...env, PARALLAX_DATA_LOCK_PID: String(process.pid) };
    const cli = (args: string[], input?: string) =>
      new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
        const child = execFile("node", cliArgs(args), { cwd: repoRoot, env: spawnEnv }, (error, stdout, stderr) =>
          error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve({ stdout, stderr }),
        );
        child.stdin?.end(input ?? "");
      });
    const inProcess = async (run: (io: CliIo) => Promise<number>) => {
      const client = db();
      const target = databaseTarget();
      for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
      const captured = capture();
      try {
        expect(await run(captured.io), captured.err.join("\n")).toBe(0);
        return captured;
      } finally {
        vi.unstubAllEnvs();
        installDbClient(client, target);
      }
    };
    try {
      const created = await cli(["user", "create", "--email", "lead@example.org", "--name", "Lead", "--password-stdin"], `${PASSWORD}\n`);
      expect(created.stderr).toMatch(/The database lacks \d+ migration\(s\); applying them first/);
      expect(created.stdout).toContain("Created the account lead@example.org (Lead).");
      await inProcess((io) => runUser(["create", "--email", "sub@example.org", "--name", "Sub Editor", "--password-stdin"], io, Readable.from([`${PASSWORD}\n`])));
      const desk = await cli(["workspace", "create", "--name", "Night desk", "--owner", "lead@example.org"]);
      expect(desk.stderr).not.toMatch(/migration/);
      expect(desk.stdout).toContain("Created the newsroom “Night desk” at /w/night-desk.");
      const member = await inProcess((io) => runMember(["add", "--workspace", "night-desk", "--email", "sub@example.org", "--role", "editor"], io));
      expect(member.out.join("\n")).toContain("sub@example.org is now editor of “Night desk” (/w/night-desk).");
      await expect(promisify(execFile)("node", cliArgs(["member", "add", "--workspace", "night-desk", "--email", "sub@example.org", "--role", "viewer"]), { cwd: repoRoot, env: spawnEnv })).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringContaining("The command failed: sub@example.org is already a member of this workspace."),
      });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
