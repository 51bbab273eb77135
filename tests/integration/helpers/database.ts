import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { inject } from "vitest";
import { openAdapter } from "@/lib/server/db/target";

export const migrationsDir = path.resolve(import.meta.dirname, "../../../prisma/migrations");

/** What the global set-up (database-template.ts) made for this run's test files to start from. */
export type DatabaseTemplate = { kind: "pglite"; empty: string; migrated: string } | { kind: "postgres"; database: string };

export interface TestDatabase {
  factory: SqlMigrationAwareDriverAdapterFactory;
  /** Set on Postgres: the URL of this test's own database. */
  url?: string;
  /** Set on Postgres: the pg pool the adapter sends through, for installDbClient. */
  pool?: pg.Pool | null;
  close(): Promise<void>;
}

/**
 * A clean database with every migration applied (or none, with `migrated: false`): in-memory
 * PGlite by default, a fresh database on the TEST_DATABASE_URL server when that is set.
 * Both are copies of what the global set-up made once for the run: a new PGlite costs
 * initdb (seconds, tens of seconds on a loaded machine) and deploying the migrations costs
 * the schema engine's start, while unpacking a data folder or copying a template database
 * costs a fraction of either.
 */
export async function createTestDatabase({ migrated = true } = {}): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = inject("databaseTemplate");
  if (serverUrl) {
    if (template.kind !== "postgres") throw new Error("The global set-up made no template database on TEST_DATABASE_URL.");
    return createPostgresDatabase(serverUrl, migrated ? template.database : "template1");
  }
  if (template.kind !== "pglite") throw new Error("The global set-up made no PGlite template.");
  const pglite = new PGlite({ loadDataDir: new Blob([new Uint8Array(await readFile(migrated ? template.migrated : template.empty))]) });
  // Unpacked in the set-up hook, not in the file's first test.
  await pglite.waitReady;
  return { factory: new PrismaPGlite(pglite), close: () => pglite.close() };
}

async function createPostgresDatabase(serverUrl: string, template: string): Promise<TestDatabase> {
  const name = `parallax_test_${randomBytes(6).toString("hex")}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await onServer(serverUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const { factory, pool, close } = openAdapter({ kind: "postgres", url: url.href });
  return {
    factory,
    url: url.href,
    pool,
    close: async () => {
      await close();
      await onServer(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

export async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
