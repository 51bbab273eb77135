import path from "node:path";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg, { type PoolConfig } from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

/** Where the data lives: the embedded PGlite folder (default) or a Postgres server. */
export type DatabaseTarget =
  | { kind: "embedded"; dataDir: string }
  | { kind: "postgres"; url: string };

export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  // Read at run time, never traced into the build.
  return path.resolve(/*turbopackIgnore: true*/ env.PARALLAX_DATA_DIR || "data");
}

export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new Error(
        `DATABASE_URL must be a postgresql:// URL (got "${url.slice(0, 20)}…"); unset it to use the embedded database.`,
      );
    }
    return { kind: "postgres", url };
  }
  return { kind: "embedded", dataDir: resolveDataDir(env) };
}

/** Where the data is, for the start-up message; a `host` parameter is a Unix socket's folder (it wins over the URL's host). */
export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "embedded") return `embedded database in ${target.dataDir}`;
  const u = new URL(target.url);
  const socket = u.searchParams.get("host");
  if (socket) return `Postgres by the Unix socket in ${socket} (port ${u.port || 5432})${u.pathname}`;
  return `Postgres at ${u.hostname}:${u.port || 5432}${u.pathname}`;
}

/** PGlite keeps its cluster in a sub-folder so the data folder can also hold secrets and the lock. */
export function pgliteDir(dataDir: string): string {
  return path.join(/*turbopackIgnore: true*/ dataDir, "pglite");
}

export interface OpenAdapter {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** The pg pool the adapter sends through on Postgres, for statements sent with pg itself (statements.ts); none for PGlite. */
  pool: pg.Pool | null;
  close(): Promise<void>;
}

/**
 * Bounds on the app's own connection pool, so a request never waits on the database for
 * long: without them a server that stops answering (a network partition, a hung host)
 * holds each request until the operating system gives up, minutes later, and a full pool
 * queues requests without limit. A server that is simply down refuses connections at once
 * and needs none of this. A broken connection is dropped from the pool when it fails and a
 * new one is opened on demand, so the pool recovers by itself once the server is back.
 *
 * - connectionTimeoutMillis: opening a connection, or waiting for a free one, takes at most
 *   5 s; a Postgres restart refuses connections rather than stalling them.
 * - statement_timeout: the server cancels a statement after 15 s, far above anything a
 *   page or an endpoint runs (tens of milliseconds), and still short enough for a person
 *   to wait through before being told to come back.
 * - query_timeout: the client stops waiting 5 s later, for a server that no longer answers
 *   at all and so cannot cancel anything.
 * - keepAlive: TCP keep-alives, so an idle connection to a vanished host is found dead.
 *
 * Migrations and the CLI open the adapter without these bounds: an index build on a large
 * table may rightly take longer than a request.
 */
export const REQUEST_POOL = {
  connectionTimeoutMillis: 5_000,
  statement_timeout: 15_000,
  query_timeout: 20_000,
  keepAlive: true,
} satisfies PoolConfig;

/**
 * Opens a driver adapter for a target; `pool` adds options to a Postgres connection pool.
 * The caller owns the embedded folder lock: PGlite does nothing to stop two processes
 * from opening the same folder.
 */
export function openAdapter(target: DatabaseTarget, pool: PoolConfig = {}): OpenAdapter {
  if (target.kind === "postgres") {
    // One pool for Prisma's adapter and for statements.ts. The adapter leaves a pool it was
    // given open when Prisma disconnects (it may connect again, as the migration engine does),
    // so close() ends it, and idle connections never keep a finished process alive.
    const shared = new pg.Pool({ allowExitOnIdle: true, ...pool, connectionString: target.url });
    // The adapter listens for idle connections' errors only while Prisma is connected. A pool
    // with no listener throws such an error (a server restart, an administrator ending the
    // connection) as an uncaught exception; this one drops the connection and the next query
    // opens a new one.
    shared.on("error", (error) => console.error(`[db] an idle database connection ended: ${error.message}`));
    let ended = false;
    const close = async () => {
      if (ended) return;
      ended = true;
      await shared.end();
    };
    return { factory: new PrismaPg(shared), pool: shared, close };
  }
  const dir = pgliteDir(target.dataDir);
  mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  return { factory: new PrismaPGlite(pglite), pool: null, close: () => pglite.close() };
}

/** An in-memory PGlite, for tests that want a throwaway database. */
export function openMemoryAdapter(): OpenAdapter & { pglite: PGlite } {
  const pglite = new PGlite();
  return { pglite, factory: new PrismaPGlite(pglite), pool: null, close: () => pglite.close() };
}
