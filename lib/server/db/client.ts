import "server-only";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { acquireDataLock } from "./data-lock";
import { openAdapter, resolveDatabaseTarget, type DatabaseTarget } from "./target";

/** Password hashes never leave the database unless a query asks for them by name. */
export function createDbClient(factory: SqlDriverAdapterFactory) {
  return new PrismaClient({ adapter: factory, omit: { user: { passwordHash: true } } });
}

export type Db = ReturnType<typeof createDbClient>;
/** A client or an interactive transaction: what services accept for writes that must stay together. */
export type DbTx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

interface DbState {
  client: Db;
  target: DatabaseTarget;
}

// Next.js may evaluate this module more than once (dev reloads, route bundles); one
// process must open the embedded folder exactly once.
const globalForDb = globalThis as unknown as { parallaxDb?: DbState };

function open(): DbState {
  const target = resolveDatabaseTarget();
  if (target.kind === "embedded") acquireDataLock(target.dataDir);
  const { factory } = openAdapter(target);
  return { client: createDbClient(factory), target };
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

/** Points every service at a client opened elsewhere: a test's throwaway database, or the CLI's. */
export function installDbClient(client: Db, target: DatabaseTarget): void {
  globalForDb.parallaxDb = { client, target };
}
