import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DatabaseUnavailableError } from "@/lib/server/errors";
import { databasePool, db } from "./client";
import { isDatabaseUnavailable } from "./errors";

/**
 * The rows of one raw statement, for the statements every annotation create runs (the token
 * lookup and the insert). On Postgres it goes through the adapter's own pg pool: Prisma's raw
 * query costs about three times the CPU of the same statement sent with pg (bench/RESULTS.md,
 * create-fast). PGlite has no pool and keeps Prisma. The statement is one Prisma.sql text
 * either way. Rows come as the driver reads them, so a statement returns only types both
 * read alike: text, numbers, booleans, json, and times as timestamptz (pg reads a timestamp
 * without a zone in the process's time zone, Prisma as UTC). A database outage is
 * DatabaseUnavailableError, as from the db client.
 */
export async function queryRows<T>(statement: Prisma.Sql): Promise<T[]> {
  const pool = databasePool();
  if (!pool) return db().$queryRaw<T[]>(statement);
  try {
    return (await pool.query(statement.text, statement.values)).rows as T[];
  } catch (error) {
    throw isDatabaseUnavailable(error) ? new DatabaseUnavailableError(error) : error;
  }
}
