import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db/client";

/**
 * Attempt counters for the sign-in, sign-up and password limits. Counting first and
 * checking after (a SELECT count, then an INSERT) lets parallel requests all read the same
 * low count: 30 parallel guesses got ~29 through a limit of 5. Here one statement counts
 * and answers: an upsert on the key's row that returns the new count. Parallel upserts on
 * one key queue on that row's lock (Postgres re-reads the row each one updates), so the
 * n-th attempt sees n, on a Postgres server as on the embedded database.
 *
 * A window opens with a key's first attempt and lasts `windowMinutes`; the next attempt
 * after it opens a new window. Keys of one call are upserted in the order given, and every
 * caller gives email keys before address keys, so two calls never wait on each other in a cycle.
 * Answers each key's count, in the order of `keys` (a key missing from the answer, which
 * cannot happen, counts as over any limit).
 */
export async function countAttempts<const T extends readonly string[]>(keys: T, windowMinutes: number): Promise<{ [I in keyof T]: number }> {
  const rows = keys.map((key) => Prisma.sql`(${key}, now() AT TIME ZONE 'UTC', 1)`);
  const fresh = Prisma.sql`"RateLimitCounter"."windowStart" > (now() AT TIME ZONE 'UTC') - make_interval(mins => ${windowMinutes}::int)`;
  const counted = await db().$queryRaw<{ key: string; count: number }[]>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES ${Prisma.join(rows)}
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN ${fresh} THEN "RateLimitCounter"."count" + 1 ELSE 1 END,
      "windowStart" = CASE WHEN ${fresh} THEN "RateLimitCounter"."windowStart" ELSE EXCLUDED."windowStart" END
    RETURNING "key", "count"`;
  const byKey = new Map(counted.map((row) => [row.key, Number(row.count)]));
  return keys.map((key) => byKey.get(key) ?? Infinity) as { [I in keyof T]: number };
}

/** Takes back one attempt of a key: a successful sign-in does not use up its address's allowance. */
export async function uncountAttempt(key: string): Promise<void> {
  await db().$executeRaw`UPDATE "RateLimitCounter" SET "count" = "count" - 1 WHERE "key" = ${key} AND "count" > 0`;
}

/**
 * Forgets a key's attempts (an email's failures, once its password is given) and drops
 * counters whose window closed a day ago, so the table stays as small as its live keys.
 */
export async function clearAttempts(key: string): Promise<void> {
  await db().$executeRaw`DELETE FROM "RateLimitCounter"
    WHERE "key" = ${key} OR "windowStart" < (now() AT TIME ZONE 'UTC') - interval '1 day'`;
}
