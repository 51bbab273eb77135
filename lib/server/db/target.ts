import path from "node:path";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
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

export function describeTarget(target: DatabaseTarget): string {
  if (target.kind === "embedded") return `embedded database in ${target.dataDir}`;
  const u = new URL(target.url);
  return `Postgres at ${u.hostname}:${u.port || 5432}${u.pathname}`;
}

/** PGlite keeps its cluster in a sub-folder so the data folder can also hold secrets and the lock. */
export function pgliteDir(dataDir: string): string {
  return path.join(/*turbopackIgnore: true*/ dataDir, "pglite");
}

export interface OpenAdapter {
  factory: SqlMigrationAwareDriverAdapterFactory;
  close(): Promise<void>;
}

/**
 * Opens a driver adapter for a target. The caller owns the embedded folder lock:
 * PGlite does nothing to stop two processes from opening the same folder.
 */
export function openAdapter(target: DatabaseTarget): OpenAdapter {
  if (target.kind === "postgres") {
    return { factory: new PrismaPg({ connectionString: target.url }), close: async () => {} };
  }
  const dir = pgliteDir(target.dataDir);
  mkdirSync(dir, { recursive: true });
  const pglite = new PGlite(dir);
  return { factory: new PrismaPGlite(pglite), close: () => pglite.close() };
}

/** An in-memory PGlite, for tests that want a throwaway database. */
export function openMemoryAdapter(): OpenAdapter & { pglite: PGlite } {
  const pglite = new PGlite();
  return { pglite, factory: new PrismaPGlite(pglite), close: () => pglite.close() };
}
