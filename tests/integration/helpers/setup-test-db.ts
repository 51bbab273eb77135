import { afterAll, beforeAll } from "vitest";
import { createDbClient, installDbClient, type Db } from "@/lib/server/db/client";
import { forgetServerEnv } from "@/lib/server/env";
import { resetRealtimeForTests } from "@/lib/server/realtime/bus";
import { storedAgreementPartsWritten } from "@/lib/server/services/agreement/stored-agreement-parts";
import { createTestDatabase } from "./database";

/**
 * Gives the calling test file its own clean, migrated database and points every service
 * at it. Returns a getter, since the client exists only once beforeAll has run. Files may
 * share a process (vitest.config.ts), so what the process keeps for one database is made
 * again for this one: the realtime bus (on Postgres, it listens on the file's database) and
 * the server env, read again as this file stubs it.
 */
export function setupTestDb(): () => Db {
  let client: Db | undefined;
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const database = await createTestDatabase();
    client = createDbClient(database.factory);
    close = async () => {
      await client?.$disconnect();
      await database.close();
    };
    installDbClient(client, database.url ? { kind: "postgres", url: database.url } : { kind: "embedded", dataDir: ":memory:" }, database.pool);
    await resetRealtimeForTests();
    forgetServerEnv();
  });
  afterAll(async () => {
    // An agreement view stores its parts after answering; let that finish before the database goes.
    await storedAgreementPartsWritten();
    await close?.();
  });
  return () => {
    if (!client) throw new Error("The test database is not ready: call setupTestDb() at the top of the file.");
    return client;
  };
}
