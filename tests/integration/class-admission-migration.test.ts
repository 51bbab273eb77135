/**
 * The class_admission migration on a database that already has a class: its students stay
 * admitted members, and their work is tied to their submission (so a submitted student's
 * work shows to classmates who submitted, and a draft does not), while the key is not.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listMigrations } from "@/lib/server/db/migration-status";
import { deployMigrations } from "@/lib/server/db/schema-engine";
import { createTestDatabase, migrationsDir, type TestDatabase } from "./helpers/database";

const MIGRATION = "20261206210433_class_admission";

async function query(factory: SqlMigrationAwareDriverAdapterFactory, sql: string) {
  const connection = await factory.connect();
  try {
    const { columnNames, rows } = await connection.queryRaw({ sql, args: [], argTypes: [] });
    return rows.map((row) => Object.fromEntries(columnNames.map((column, i) => [column, row[i]])));
  } finally {
    await connection.dispose();
  }
}

// A class as the app made it before admission: a teacher, two students who joined with the
// code (Ana submitted, Ben has a draft), an assignment with a key.
const BEFORE = `
INSERT INTO "User" ("id", "name", "email", "passwordHash", "updatedAt") VALUES
  ('u-teacher', 'Tess', 'tess@example.org', 'x', now()), ('u-ana', 'Ana', 'ana@example.org', 'x', now()), ('u-ben', 'Ben', 'ben@example.org', 'x', now());
INSERT INTO "Workspace" ("id", "slug", "name", "kind", "joinCode", "updatedAt") VALUES ('w', 'media-9b', 'Media 9B', 'CLASS', 'BCDF2345', now());
INSERT INTO "Membership" ("id", "workspaceId", "userId", "role", "updatedAt") VALUES
  ('m-teacher', 'w', 'u-teacher', 'TEACHER', now()), ('m-ana', 'w', 'u-ana', 'STUDENT', now()), ('m-ben', 'w', 'u-ben', 'STUDENT', now());
INSERT INTO "Comparison" ("id", "workspaceId", "slug", "title", "createdById", "updatedAt") VALUES ('c', 'w', 'spillway', 'Spillway', 'u-teacher', now());
INSERT INTO "Source" ("id", "comparisonId", "title", "position", "updatedAt") VALUES ('s', 'c', 'Spillway opened', 0, now());
INSERT INTO "SourceRevision" ("id", "sourceId", "number", "text", "textHash", "wordCount", "createdById") VALUES ('r', 's', 1, 'Reckless officials opened it.', 'h', 4, 'u-teacher');
INSERT INTO "Assignment" ("id", "workspaceId", "comparisonId", "title", "createdById", "updatedAt") VALUES ('a', 'w', 'c', 'Who is blamed?', 'u-teacher', now());
INSERT INTO "Submission" ("id", "assignmentId", "studentId", "submittedAt") VALUES ('sub-ana', 'a', 'u-ana', now()), ('sub-ben', 'a', 'u-ben', NULL);
INSERT INTO "Annotation" ("id", "comparisonId", "sourceId", "revisionId", "authorId", "assignmentId", "isKey", "exact", "prefix", "suffix", "start", "end", "updatedAt") VALUES
  ('n-key', 'c', 's', 'r', 'u-teacher', 'a', true, 'Reckless', '', ' officials', 0, 8, now()),
  ('n-ana', 'c', 's', 'r', 'u-ana', 'a', false, 'Reckless', '', ' officials', 0, 8, now()),
  ('n-ben', 'c', 's', 'r', 'u-ben', 'a', false, 'officials', 'Reckless ', ' opened', 9, 18, now());
`;

describe("the class_admission migration", () => {
  let db: TestDatabase;
  let before: string;
  beforeAll(async () => {
    db = await createTestDatabase({ migrated: false });
    before = await mkdtemp(path.join(os.tmpdir(), "parallax-admission-"));
    await cp(migrationsDir, before, { recursive: true, filter: (source) => !source.includes(MIGRATION) });
  });
  afterAll(async () => {
    await db?.close();
    if (before) await rm(before, { recursive: true, force: true });
  });

  it("keeps students already in a class admitted and ties their work to their submission", { timeout: 180_000 }, async () => {
    expect(await listMigrations(migrationsDir)).toContain(MIGRATION);
    await deployMigrations(db.factory, { migrationsDir: before });
    for (const statement of BEFORE.split(";").map((s) => s.trim()).filter(Boolean)) await query(db.factory, statement);

    expect(await deployMigrations(db.factory, { migrationsDir })).toEqual({ applied: [MIGRATION] });
    const members = await query(db.factory, `SELECT "userId", "role" FROM "Membership" WHERE "workspaceId" = 'w' ORDER BY "userId"`);
    expect(members).toEqual([
      { userId: "u-ana", role: "STUDENT" },
      { userId: "u-ben", role: "STUDENT" },
      { userId: "u-teacher", role: "TEACHER" },
    ]);
    expect(await query(db.factory, `SELECT count(*)::int AS "n" FROM "JoinRequest"`)).toEqual([{ n: 0 }]);
    const work = await query(db.factory, `SELECT "id", "submissionId" FROM "Annotation" ORDER BY "id"`);
    expect(work).toEqual([
      { id: "n-ana", submissionId: "sub-ana" },
      { id: "n-ben", submissionId: "sub-ben" },
      { id: "n-key", submissionId: null },
    ]);
  });
});
