// `npm start`: migrate, seed on first run, build when the code changed, then serve.
// Runs before the server, never beside it, because PGlite must not be opened twice.
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseTrustedProxies } from "@/lib/server/auth/trusted-proxies";
import { parseSmtpUrl } from "@/lib/server/mail/smtp-url";
import { acquireDataLock } from "@/lib/server/db/data-lock";
import { createDbClient, installDbClient } from "@/lib/server/db/client";
import { pendingMigrations } from "@/lib/server/db/migration-status";
import { describeTarget, openAdapter, resolveDatabaseTarget, resolveDataDir } from "@/lib/server/db/target";
import { DEMO_ACCOUNT, DEMO_STUDENTS } from "@/lib/server/seed/demo-account";
import { demoSeedDone } from "@/lib/server/seed/seed-markers";

const root = path.resolve(import.meta.dirname, "..");
const dev = process.argv.includes("--dev");
const port = process.env.PORT || "3000";
const nextBin = path.join(root, "node_modules", ".bin", "next");

function fail(message: string): never {
  console.error(`\nParallax could not start: ${message}\n`);
  process.exit(1);
}

/** Secrets the app needs are made on first start and kept in the data folder. */
function sessionSecret(dataDir: string): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "secrets.json");
  if (existsSync(file)) return (JSON.parse(readFileSync(file, "utf8")) as { nextauthSecret: string }).nextauthSecret;
  const nextauthSecret = randomBytes(32).toString("base64url");
  writeFileSync(file, JSON.stringify({ nextauthSecret }, null, 2) + "\n", { mode: 0o600 });
  return nextauthSecret;
}

/** Size and modification time of every file the build reads: cheap, and enough to spot an edit. */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const visit = (entry: string) => {
    const full = path.join(root, entry);
    if (!existsSync(full)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      for (const child of readdirSync(full).sort()) {
        if (child !== "generated" && child !== "node_modules") visit(path.join(entry, child));
      }
    } else {
      hash.update(`${entry}:${stat.size}:${stat.mtimeMs}\n`);
    }
  };
  ["app", "lib", "types", "prisma/schema.prisma", "proxy.ts", "next.config.ts", "tsconfig.json", "package-lock.json"].forEach(visit);
  return hash.digest("hex");
}

const startedAt = Date.now();

function elapsed(since = startedAt): string {
  const seconds = Math.round((Date.now() - since) / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}

/**
 * Builds when the code changed since the last build, beside the database work (the build does
 * not touch the database). Next prints its phases; a line every 20 s says how long it has run.
 * Type errors are `npm run typecheck`'s job, not every first start's (next.config.ts).
 */
function buildIfNeeded(): Promise<void> {
  const stamp = path.join(root, ".next", "parallax-build.txt");
  const fingerprint = sourceFingerprint();
  if (existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint) {
    console.log("Build: up to date.");
    return Promise.resolve();
  }
  console.log("Build: building the app (first start, or the code changed); this takes 2–4 minutes on 2 cores…");
  const since = Date.now();
  const ticker = setInterval(() => console.log(`Build: still building, ${elapsed(since)} so far…`), 20_000);
  return new Promise((resolve) => {
    const build = spawn(nextBin, ["build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    build.on("exit", (code) => {
      clearInterval(ticker);
      if (code !== 0) fail("the build failed (see above).");
      writeFileSync(stamp, fingerprint);
      console.log(`Build: done in ${elapsed(since)}.`);
      resolve();
    });
  });
}

/**
 * Applies pending migrations and seeds the demo once. A later start does neither, and loads
 * neither the schema engine (WASM) nor the seed (its services, demo texts and a password
 * hash): two queries tell that there is nothing to do.
 */
async function prepareDatabase(target: ReturnType<typeof resolveDatabaseTarget>) {
  const adapter = openAdapter(target);
  const client = createDbClient(adapter.factory);
  try {
    const migrationsDir = path.join(root, "prisma", "migrations");
    if ((await pendingMigrations((sql) => client.$queryRawUnsafe(sql), migrationsDir)).length === 0) console.log("Database: schema is up to date.");
    else {
      const { deployMigrations } = await import("@/lib/server/db/schema-engine");
      const { applied } = await deployMigrations(adapter.factory, { migrationsDir });
      console.log(`Database: applied ${applied.length} migration(s): ${applied.join(", ")}`);
    }
    if (process.env.PARALLAX_SEED_DEMO !== "false" && !(await demoSeedDone(client))) {
      installDbClient(client, target);
      const { seedDemoOnce } = await import("@/lib/server/seed/seed-demo");
      const outcome = await seedDemoOnce();
      if (outcome === "seeded") {
        const students = Object.values(DEMO_STUDENTS).map((s) => s.email).join(" or ");
        console.log(`Database: seeded the demo data. Sign in as ${DEMO_ACCOUNT.email} (or the students ${students}) with password ${DEMO_ACCOUNT.password}`);
      }
    }
  } finally {
    await client.$disconnect();
    await adapter.close();
  }
}

async function main() {
  try {
    parseTrustedProxies(process.env.PARALLAX_TRUSTED_PROXIES);
    parseSmtpUrl(process.env.PARALLAX_SMTP_URL);
  } catch (error) {
    fail((error as Error).message);
  }
  let target;
  try {
    target = resolveDatabaseTarget();
  } catch (error) {
    fail((error as Error).message);
  }
  const dataDir = resolveDataDir();
  mkdirSync(dataDir, { recursive: true });
  if (target.kind === "embedded") {
    try {
      acquireDataLock(dataDir);
    } catch (error) {
      fail((error as Error).message);
    }
  }
  console.log(`Database: using the ${describeTarget(target)}.`);
  const built = dev ? Promise.resolve() : buildIfNeeded();
  try {
    await prepareDatabase(target);
  } catch (error) {
    fail(`the database could not be prepared: ${(error as Error).message}`);
  }
  const secret = sessionSecret(dataDir);
  await built;

  // Next's handler in a server of ours, which passes the connection's address on (scripts/serve.mjs).
  const child = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs"), ...(dev ? ["--dev"] : [])], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      NEXTAUTH_SECRET: secret,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
      PARALLAX_DATA_DIR: dataDir,
      PARALLAX_DATA_LOCK_PID: String(process.pid),
      PORT: port,
      NODE_ENV: dev ? "development" : "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  console.log(`Parallax is starting on http://localhost:${port} (${elapsed()} after npm start).`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

void main();
