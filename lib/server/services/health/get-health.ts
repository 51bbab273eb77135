import "server-only";
import { databaseKind, db } from "@/lib/server/db/client";
import { databaseFailureDetail } from "@/lib/server/db/errors";
import { pendingMigrations } from "@/lib/server/db/migration-status";

export type Health =
  | { status: "ok"; database: "embedded" | "postgres"; migrations: "up to date" }
  | { status: "unavailable"; database: "embedded" | "postgres"; reason: string; pending?: string[] };

const TIMEOUT_MS = 3_000;

/** Answers quickly even when the database hangs, so a load balancer can act on it. */
export async function getHealth(migrationsDir: string): Promise<Health> {
  const database = databaseKind();
  try {
    const pending = await withTimeout(
      pendingMigrations((sql) => db().$queryRawUnsafe(sql), migrationsDir),
      TIMEOUT_MS,
    );
    if (pending.length > 0) {
      return {
        status: "unavailable",
        database,
        reason: `${pending.length} migration(s) not applied yet: run \`npm run db:deploy\`.`,
        pending,
      };
    }
    return { status: "ok", database, migrations: "up to date" };
  } catch (error) {
    return { status: "unavailable", database, reason: `The database is unreachable: ${databaseFailureDetail(error)}` };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
