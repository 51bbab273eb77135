import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

/** Who holds the embedded data folder, as written in `<dataDir>/parallax.lock`. */
export interface DataLockHolder {
  pid: number;
  startedAt: string;
  command: string;
}

export interface DataLock {
  release(): void;
}

const LOCK_FILE = "parallax.lock";

/** The live process holding the data folder, or null when it is free (or its holder died). */
export function lockHeldBy(dataDir: string): DataLockHolder | null {
  const holder = readHolder(path.join(dataDir, LOCK_FILE));
  return holder && isAlive(holder.pid) ? holder : null;
}

/**
 * Takes the data folder for this process until it exits or calls release(). A lock left by a
 * dead process is taken over. A child started by the holder with PARALLAX_DATA_LOCK_PID set to
 * the holder's pid shares the lock instead, and so does a second call in the holding process.
 */
export function acquireDataLock(dataDir: string, command: string = describeCommand()): DataLock {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const holder: DataLockHolder = { pid: process.pid, startedAt: new Date().toISOString(), command };

  // Two tries: the second follows removing a stale (or unreadable) lock. Two processes taking
  // over the same stale lock at the same instant could both succeed; that window is accepted.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (createExclusive(file, JSON.stringify(holder))) return ownLock(file);
    const current = lockHeldBy(dataDir);
    if (current) {
      const sharedPid = Number(process.env.PARALLAX_DATA_LOCK_PID);
      if (current.pid === process.pid || current.pid === sharedPid) return { release: () => {} };
      throw new Error(
        `Another Parallax process (pid ${current.pid}, \`${current.command}\`) is using the data folder ${dataDir}. ` +
          "Stop it first, or set PARALLAX_DATA_DIR to use another folder.",
      );
    }
    rmSync(file, { force: true });
  }
  throw new Error(`Could not lock the data folder ${dataDir}: ${file} keeps reappearing.`);
}

function ownLock(file: string): DataLock {
  const release = () => {
    process.off("exit", release);
    if (readHolder(file)?.pid === process.pid) rmSync(file, { force: true });
  };
  process.on("exit", release);
  return { release };
}

function createExclusive(file: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

function readHolder(file: string): DataLockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<DataLockHolder>;
    if (typeof parsed.pid !== "number") return null;
    return { pid: parsed.pid, startedAt: String(parsed.startedAt ?? ""), command: String(parsed.command ?? "") };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** How the holder was started, for the message another process shows: `npm start`, `db.ts deploy`… */
function describeCommand(): string {
  const event = process.env.npm_lifecycle_event;
  if (event) return event === "start" || event === "test" ? `npm ${event}` : `npm run ${event}`;
  return [path.basename(process.argv[1] ?? "node"), ...process.argv.slice(2)].join(" ");
}
