import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { acquireDataLock, lockHeldBy } from "./data-lock";

let dataDir: string;
const lockFile = () => path.join(dataDir, "parallax.lock");
function writeLock(pid: number, command = "npm start") {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(lockFile(), JSON.stringify({ pid, startedAt: "2026-01-01T00:00:00.000Z", command }));
}

/** A pid that certainly belonged to a process which has exited. */
function deadPid(): number {
  const { pid } = spawnSync(process.execPath, ["-e", ""]);
  if (!pid) throw new Error("could not start a short-lived process");
  return pid;
}

beforeEach(() => {
  dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), "parallax-lock-")), "data");
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

describe("the data folder lock", () => {
  it("creates the folder and a lock file naming this process, and removes it on release", () => {
    const lock = acquireDataLock(dataDir, "db.ts deploy");
    expect(JSON.parse(readFileSync(lockFile(), "utf8"))).toMatchObject({ pid: process.pid, command: "db.ts deploy" });
    expect(lockHeldBy(dataDir)).toMatchObject({ pid: process.pid, command: "db.ts deploy" });

    lock.release();
    expect(existsSync(lockFile())).toBe(false);
    expect(lockHeldBy(dataDir)).toBeNull();
  });

  it("refuses a second holder while the first is alive, saying who holds it and what to do", () => {
    writeLock(process.ppid);
    expect(() => acquireDataLock(dataDir)).toThrow(
      `Another Parallax process (pid ${process.ppid}, \`npm start\`) is using the data folder ${dataDir}. ` +
        "Stop it first, or set PARALLAX_DATA_DIR to use another folder.",
    );
    expect(lockHeldBy(dataDir)?.pid).toBe(process.ppid);
  });

  it("takes over a lock left by a process that died", () => {
    writeLock(deadPid());
    expect(lockHeldBy(dataDir)).toBeNull();

    const lock = acquireDataLock(dataDir, "npm run db:migrate");
    expect(lockHeldBy(dataDir)).toMatchObject({ pid: process.pid, command: "npm run db:migrate" });
    lock.release();
  });

  it("is shared with the parent named in PARALLAX_DATA_LOCK_PID, whose lock stays in place", () => {
    writeLock(process.ppid);
    vi.stubEnv("PARALLAX_DATA_LOCK_PID", String(process.ppid));

    acquireDataLock(dataDir).release();
    expect(lockHeldBy(dataDir)?.pid).toBe(process.ppid);
  });

  it("does not release a lock that another process has taken over since", () => {
    const lock = acquireDataLock(dataDir);
    writeLock(process.ppid);
    lock.release();
    expect(lockHeldBy(dataDir)?.pid).toBe(process.ppid);
  });
});
