/**
 * The app as users meet it: `npm start` (which builds first when the code changed) on a
 * free loopback port, against a given Postgres database, with a throwaway data folder.
 * Used by the annotation-app suite and the load and fault tests.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
/** Long enough for a first start's build on a loaded two-core machine. */
const START_TIMEOUT_MS = 900_000;
const STOP_TIMEOUT_MS = 10_000;

export interface RunningApp {
  /** e.g. http://localhost:41234 */
  origin: string;
  /** The session secret the app signs cookies with, so a test can mint sessions. */
  secret: string;
  /** The app's output (stdout and stderr), in its data folder until `stop`. */
  logPath: string;
  /** The process group of `npm start` and the server under it (see appCpuMs). */
  pid: number;
  stop(): Promise<void>;
}

/** A port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts the app on `databaseUrl` (already migrated) and waits until /api/health answers 200.
 * `dir` is the checkout to start: this one, or another version of the code to compare with.
 */
export async function startApp(databaseUrl: string, { dir = root }: { dir?: string } = {}): Promise<RunningApp> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const secret = randomBytes(32).toString("base64url");
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "parallax-bench-app-"));
  const logPath = path.join(dataDir, "app.log");
  const output = openSync(logPath, "a");
  // Detached: its own process group, so stopping it also stops `next start` below npm.
  const server = spawn("npm", ["start"], {
    cwd: dir,
    detached: true,
    stdio: ["ignore", output, output],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      PARALLAX_DATA_DIR: dataDir,
      PARALLAX_SEED_DEMO: "false",
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: origin,
    },
  });
  const stop = async () => {
    await stopGroup(server);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && server.exitCode === null) {
    const ok = await fetch(`${origin}/api/health`).then((r) => r.ok, () => false);
    if (ok) return { origin, secret, logPath, pid: server.pid!, stop };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const tail = readFileSync(logPath, "utf8").split("\n").slice(-15).join("\n");
  await stop();
  throw new Error(`The app did not start (npm start builds first when the code changed). Its last output:\n${tail}`);
}

/**
 * CPU time (user and system, in ms) used so far by every process of a started app's group:
 * npm, tsx and the server. Read from /proc, so Linux only; 10 ms resolution.
 */
export function appCpuMs(app: RunningApp): number {
  let ticks = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, "utf8");
    } catch {
      continue; // ended since the listing
    }
    // After "pid (command) ": state, ppid, pgrp, … utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (Number(fields[2]) === app.pid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10;
}

/** SIGTERM to the process group, SIGKILL if it is still there after a while. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // Already gone.
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
