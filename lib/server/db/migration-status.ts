import { readdir } from "node:fs/promises";

// Engine-free, so the health check can ask at request time without loading the WASM engine.

/** Migration folder names in apply order; an absent folder has none. */
export async function listMigrations(migrationsDir: string): Promise<string[]> {
  try {
    const entries = await readdir(migrationsDir, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** Migrations in the folder that the database has not finished applying. */
export async function pendingMigrations(
  queryRaw: (sql: string) => Promise<Record<string, unknown>[]>,
  migrationsDir: string,
): Promise<string[]> {
  const all = await listMigrations(migrationsDir);
  // Checking for the table first keeps this independent of how the caller's driver reports errors.
  const [table] = await queryRaw(`SELECT to_regclass('_prisma_migrations')::text AS name`);
  if (!table?.name) return all;
  const rows = await queryRaw(
    "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
  );
  const applied = new Set(rows.map((row) => String(row.migration_name)));
  return all.filter((name) => !applied.has(name));
}
