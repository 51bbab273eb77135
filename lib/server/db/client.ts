import "server-only";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { Pool } from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { DatabaseUnavailableError } from "@/lib/server/errors";
import { acquireDataLock } from "./data-lock";
import { isDatabaseUnavailable } from "./errors";
import { openAdapter, REQUEST_POOL, resolveDatabaseTarget, type DatabaseTarget } from "./target";

/**
 * Password hashes never leave the database unless a query asks for them by name. A query
 * that fails because the database is away throws DatabaseUnavailableError, which every
 * endpoint, form and page turns into "try again in a few seconds" (a 503 for the API).
 * Done here, once, because pages have no wrapper of their own: an error page learns only
 * the digest such an error carries. Boundaries classify too (lib/server/db/errors.ts'
 * toAppError) for what no query sees, such as a transaction that cannot start.
 */
export function createDbClient(factory: SqlDriverAdapterFactory) {
  return new PrismaClient({ adapter: factory, omit: { user: { passwordHash: true } } }).$extends({
    name: "database-unavailable",
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw isDatabaseUnavailable(error) ? new DatabaseUnavailableError(error) : error;
        }
      },
    },
  });
}

export type Db = ReturnType<typeof createDbClient>;
/** A client or an interactive transaction: what services accept for writes that must stay together. */
export type DbTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

interface DbState {
  client: Db;
  target: DatabaseTarget;
  /** The client's own pg pool on Postgres (statements.ts sends the hottest statements through it). */
  pool: Pool | null;
}

// Next.js may evaluate this module more than once (dev reloads, route bundles); one
// process must open the embedded folder exactly once.
const globalForDb = globalThis as unknown as { parallaxDb?: DbState };

function open(): DbState {
  const target = resolveDatabaseTarget();
  if (target.kind === "embedded") acquireDataLock(target.dataDir);
  const { factory, pool } = openAdapter(target, REQUEST_POOL);
  return { client: createDbClient(factory), target, pool };
}

export function db(): Db {
  globalForDb.parallaxDb ??= open();
  return globalForDb.parallaxDb.client;
}

/** Where the client in use points: DATABASE_URL or the data folder, or what a test installed. */
export function databaseTarget(): DatabaseTarget {
  globalForDb.parallaxDb ??= open();
  return globalForDb.parallaxDb.target;
}

export function databaseKind(): "embedded" | "postgres" {
  return databaseTarget().kind;
}

/** The pg pool the client sends through, or null (PGlite, or a client installed without its pool). */
export function databasePool(): Pool | null {
  globalForDb.parallaxDb ??= open();
  return globalForDb.parallaxDb.pool;
}

/**
 * Points every service at a client opened elsewhere: a test's throwaway database, or the CLI's.
 * With the `pool` its adapter sends through (openAdapter's), statements.ts uses pg as the app does.
 */
export function installDbClient(client: Db, target: DatabaseTarget, pool: Pool | null = null): void {
  globalForDb.parallaxDb = { client, target, pool };
}
