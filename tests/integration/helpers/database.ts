import { randomBytes } from "node:crypto";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { deployMigrations } from "@/lib/server/db/schema-engine";
import { openAdapter, openMemoryAdapter } from "@/lib/server/db/target";

export const migrationsDir = path.resolve(import.meta.dirname, "../../../prisma/migrations");

export interface TestDatabase {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Set on Postgres: the URL of this test's own database. */
  url?: string;
  close(): Promise<void>;
}

/**
 * A clean database with every migration applied (or none, with `migrated: false`): in-memory
 * PGlite by default, a fresh database on the TEST_DATABASE_URL server when that is set.
 * Deploying costs ~0.1-0.3 s per database, so there is no template to clone; starting a new
 * in-memory PGlite costs more (~1.5-2.5 s).
 */
export async function createTestDatabase({ migrated = true } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const db: TestDatabase = serverUrl ? await createPostgresDatabase(serverUrl) : openMemoryAdapter();
  if (migrated) await deployMigrations(db.factory, { migrationsDir });
  return db;
}

async function createPostgresDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `parallax_test_${randomBytes(6).toString("hex")}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}"`);
  const { factory, close } = openAdapter({ kind: "postgres", url: url.href });
  return {
    factory,
    url: url.href,
    close: async () => {
      await close();
      await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
