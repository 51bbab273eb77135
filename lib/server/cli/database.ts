import "server-only";
import path from "node:path";
import { acquireDataLock } from "@/lib/server/db/data-lock";
import { createDbClient, installDbClient } from "@/lib/server/db/client";
import { pendingMigrations } from "@/lib/server/db/migration-status";
import { describeTarget, openAdapter, resolveDatabaseTarget } from "@/lib/server/db/target";
import type { CliIo } from "./command";

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../../prisma/migrations");

/**
 * Opens the app's database (same settings as the app) for one command, and closes it after.
 * A database that lacks migrations (never migrated, or older than the code) is brought up to
 * date first, as `npm start` does, so a command never meets a missing table. On the embedded
 * database the data folder is locked: the command refuses to run beside the app.
 */
export async function withDatabase<T>(io: CliIo, work: () => Promise<T>): Promise<T> {
  const target = resolveDatabaseTarget();
  if (target.kind === "embedded") acquireDataLock(target.dataDir);
  const adapter = openAdapter(target);
  const client = createDbClient(adapter.factory);
  try {
    io.err(`Using the ${describeTarget(target)}.`);
    const pending = await pendingMigrations((sql) => client.$queryRawUnsafe(sql), MIGRATIONS_DIR);
    if (pending.length > 0) {
      io.err(`The database lacks ${pending.length} migration(s); applying them first, as npm start does…`);
      // The schema engine is WASM and slow to load: only a database that needs it pays for it.
      const { deployMigrations } = await import("@/lib/server/db/schema-engine");
      try {
        await deployMigrations(adapter.factory, { migrationsDir: MIGRATIONS_DIR });
      } catch (error) {
        throw new Error(`the database schema could not be brought up to date (${error instanceof Error ? error.message : String(error)}). Run "npm run db:deploy" to see why, then run this command again.`);
      }
      io.err(`Applied ${pending.length} migration(s).`);
    }
    installDbClient(client, target);
    return await work();
  } finally {
    await client.$disconnect();
    await adapter.close();
  }
}
