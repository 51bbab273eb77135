/**
 * The Postgres server the benchmarks run on: a throwaway local cluster (the recipe of
 * .ci/run), or the server named by BENCH_DATABASE_URL; and one fresh database per suite.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface PostgresServer {
  /** Connection string of a database on the server that may create and drop databases. */
  url: string;
  /** For RESULTS.md: where the server came from. Never the URL, which may hold a password. */
  origin: string;
  stop(): Promise<void>;
  /** Only on a throwaway cluster: stopping and starting the server while clients use it. */
  control?: ServerControl;
}

export interface ServerControl {
  /**
   * pg_ctl stop: "fast" ends every session with an error and checkpoints, as an
   * administrator's restart does; "immediate" kills the server as a crash would (committed
   * transactions are replayed from the WAL on the next start).
   */
  halt(mode: "fast" | "immediate"): Promise<void>;
  /** Starts the server again on the same port; resolves once it accepts connections. */
  resume(): Promise<void>;
}

const PG_ROOT = "/usr/lib/postgresql";
const PORT_ATTEMPTS = 5;

/**
 * initdb + pg_ctl start in a temp folder on a random port in 54000-54999. As root the
 * binaries run as the postgres user (initdb refuses root). fsync=off: the data is thrown
 * away anyway, and without it the write benchmarks would mostly measure the disk; the
 * figures are therefore not what a durable production server would show for writes.
 * With BENCH_PG_SOCKET=1 every client (the suites' own and the apps they start) connects by
 * the cluster's Unix socket instead of loopback TCP, as an app on the database's machine can.
 */
export async function startThrowawayPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const root = await mkdtemp(path.join(os.tmpdir(), "parallax-bench-pg-"));
  const dataDir = path.join(root, "data");
  const asRoot = process.getuid?.() === 0;
  const asPostgres = (command: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", path.join(bin, command), ...args], root) : run(path.join(bin, command), args, root);
  const pgCtlStop = [path.join(bin, "pg_ctl"), "-D", dataDir, "-m", "immediate", "stop"];
  const watchdog = spawnWatchdog(root, asRoot ? ["runuser", "-u", "postgres", "--", ...pgCtlStop] : pgCtlStop);
  const stop = async () => {
    watchdog.kill();
    await asPostgres("pg_ctl", pgCtlStop.slice(1)).catch(() => {});
    await rm(root, { recursive: true, force: true });
  };

  try {
    if (asRoot) await run("chown", ["postgres", root], root);
    await asPostgres("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust"]);
    // A random port can be taken by another cluster on a shared machine: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = 54000 + Math.floor(Math.random() * 1000);
      const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=off`;
      const start = () => asPostgres("pg_ctl", ["-D", dataDir, "-l", path.join(root, "log"), "-w", "-o", options, "start"]);
      try {
        await start();
        const socket = process.env.BENCH_PG_SOCKET === "1";
        return {
          url: `postgresql://postgres@${socket ? "localhost" : "127.0.0.1"}:${port}/postgres${socket ? `?host=${encodeURIComponent(root)}` : ""}`,
          origin: `throwaway local cluster, fsync=off, ${socket ? "by its Unix socket" : "by loopback TCP"}`,
          stop,
          control: {
            halt: (mode) => asPostgres("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "stop"]),
            resume: start,
          },
        };
      } catch (error) {
        if (attempt === PORT_ATTEMPTS) {
          const log = await readFile(path.join(root, "log"), "utf8").catch(() => "");
          throw new Error(`${(error as Error).message}\n${log.trim().split("\n").slice(-5).join("\n")}`);
        }
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A detached shell that stops the cluster and removes its folder once this process is gone,
 * for the exits that run no cleanup: kill -9, the OOM killer, or tsx's CLI, which SIGKILLs
 * its child when Ctrl-C is not acknowledged within 60 ms (a benchmark sample runs longer).
 * Arguments go in as positional parameters, so no path is ever parsed by the shell.
 */
function spawnWatchdog(root: string, stopCommand: string[]): ChildProcess {
  const script = 'pid=$1 root=$2; shift 2; while kill -0 "$pid" 2>/dev/null; do sleep 1; done; "$@" >/dev/null 2>&1; rm -rf "$root"';
  const child = spawn("sh", ["-c", script, "bench-postgres-watchdog", String(process.pid), root, ...stopCommand], {
    detached: true,
    stdio: "ignore",
  });
  child.unref();
  return child;
}

/** The newest installed major version, as .ci/run picks it. */
function postgresBinDir(): string {
  const versions = readdirSync(PG_ROOT, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^\d+$/.test(entry.name))
    .map((entry) => Number(entry.name))
    .sort((a, b) => a - b);
  const newest = versions.at(-1);
  if (newest === undefined) {
    throw new Error(`No Postgres binaries in ${PG_ROOT}. Install them (apt-get install -y postgresql) or set BENCH_DATABASE_URL.`);
  }
  return path.join(PG_ROOT, String(newest), "bin");
}

/**
 * Runs a command and fails with its output. Detached (its own process group), so a Ctrl-C in
 * the terminal reaches only this process, which then stops the cluster in order instead of
 * racing the postmaster's own shutdown.
 */
function run(command: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(command)} ${args.join(" ")} exited with ${code}:\n${output.trim()}`));
    });
  });
}

export function externalServer(url: string): PostgresServer {
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error("BENCH_DATABASE_URL must be a postgresql:// URL.");
  return { url, origin: "server from BENCH_DATABASE_URL", stop: async () => {} };
}

/** e.g. "15.14 (Debian 15.14-0+deb12u1)". */
export async function serverVersion(serverUrl: string): Promise<string> {
  return withClient(serverUrl, async (client) => {
    const { rows } = await client.query<{ version: string }>("SELECT current_setting('server_version') AS version");
    return (rows[0] as { version: string }).version;
  });
}

export interface Database {
  url: string;
  drop(): Promise<void>;
}

/** An empty database named after the suite, with a random suffix so parallel runs never collide. */
export async function createDatabase(serverUrl: string, label: string): Promise<Database> {
  const name = `parallax_bench_${label.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}_${randomBytes(4).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.href,
    // FORCE ends connections a failed suite may have left open.
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => {}),
  };
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
