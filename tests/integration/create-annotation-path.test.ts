import { afterAll, describe, expect, it, vi } from "vitest";
import { databasePool } from "@/lib/server/db/client";
import { AppError } from "@/lib/server/errors";
import { CHANNEL, createPostgresEventBus, resetRealtimeForTests, subscribeComparisonEvents } from "@/lib/server/realtime/bus";
import type { ComparisonEvent } from "@/lib/server/realtime/events";
import { authenticateApiToken } from "@/lib/server/services/api-tokens/authenticate-api-token";
import { createApiToken } from "@/lib/server/services/api-tokens/create-api-token";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { getAnnotation } from "@/lib/server/services/annotations/find-annotations";
import { keepRevision, keptRevision } from "@/lib/server/services/sources/kept-revisions";
import { updateSourceText } from "@/lib/server/services/sources/update-source-text";
import { retireTag } from "@/lib/server/services/taxonomy/retire-tag";
import { annotatedComparison, ARTICLE } from "./helpers/comparison-fixture";
import { signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

// The one-statement create (a source text kept in the process) beside the checked path that
// reads the text first: the same annotation, the same refusals, and the same live event.
const db = setupTestDb();
const serverUrl = process.env.TEST_DATABASE_URL;

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

afterAll(async () => {
  await resetRealtimeForTests();
});

describe("creating an annotation from a kept source text", () => {
  it("keeps the text after the first create and writes later ones exactly as they read back", async () => {
    const f = await annotatedComparison(db, "Kept");
    expect(keptRevision(f.source.id, 1)).toBeUndefined();
    await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] });
    expect(keptRevision(f.source.id, 1)?.text).toBe(ARTICLE);
    const created = await createAnnotation(f.colleague, f.comparison.id, {
      ...f.span("sacrificed"),
      tagIds: [f.tag("Euphemism"), f.tag("Loaded language"), f.tag("Euphemism")],
      comment: "From the kept text",
      claim: { asserter: "OUTLET", status: "UNVERIFIED", evidence: ["https://example.org/a", "https://example.org/b"] },
    });
    expect(created.tags.map((t) => t.name)).toEqual(["Euphemism", "Loaded language"]);
    expect(created.target).toMatchObject({ exact: "sacrificed", suffix: "." });
    expect(created).toEqual(await getAnnotation(f.owner, f.comparison.id, created.id));
  });

  it("refuses with the checked path's words, and writes nothing, when the kept text does not settle it", async () => {
    const f = await annotatedComparison(db, "Refusals");
    const input = { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] };
    await createAnnotation(f.reviewer, f.comparison.id, input);
    expect(keptRevision(f.source.id, 1)).toBeDefined();
    const stranger = await signUp("Stranger");

    expect((await failure(createAnnotation(stranger, f.comparison.id, input))).code).toBe("NOT_FOUND");
    // A span that does not fit the kept text is the checked path's to judge: a stranger learns nothing of the text.
    expect((await failure(createAnnotation(stranger, f.comparison.id, { ...input, end: ARTICLE.length + 5 }))).code).toBe("NOT_FOUND");
    expect((await failure(createAnnotation(f.viewer, f.comparison.id, input))).code).toBe("FORBIDDEN");
    expect((await failure(createAnnotation(f.reviewer, f.comparison.id, { ...input, end: ARTICLE.length + 5 }))).code).toBe("INVALID_INPUT");

    const membership = await db().membership.findFirstOrThrow({ where: { userId: f.colleague.id, workspaceId: f.workspace.id } });
    await db().membership.update({ where: { id: membership.id }, data: { role: "VIEWER" } });
    expect((await failure(createAnnotation(f.colleague, f.comparison.id, input))).code).toBe("FORBIDDEN");
    await db().membership.delete({ where: { id: membership.id } });
    expect((await failure(createAnnotation(f.colleague, f.comparison.id, input))).code).toBe("NOT_FOUND");

    const other = await annotatedComparison(db, "Elsewhere");
    expect((await failure(createAnnotation(f.reviewer, f.comparison.id, { ...input, tagIds: [other.tag("Loaded language")] }))).code).toBe("INVALID_INPUT");
    await retireTag(f.owner, f.workspace.slug, f.comparison.slug, f.tag("Euphemism"));
    const retired = await failure(createAnnotation(f.reviewer, f.comparison.id, { ...input, tagIds: [f.tag("Euphemism")] }));
    expect(retired.message).toContain("retired");

    await updateSourceText(f.owner, f.workspace.slug, f.comparison.slug, f.source.id, { text: `${ARTICLE}\n\nA later paragraph.`, baseRevision: 1 });
    expect((await failure(createAnnotation(f.reviewer, f.comparison.id, input))).code).toBe("CONFLICT");

    expect(await db().annotation.count({ where: { comparisonId: f.comparison.id } })).toBe(1);
  });

  it("never writes from a kept text that is not the stored one: the statement's guard sends it down the checked path", async () => {
    const f = await annotatedComparison(db, "Guarded");
    const revision = await db().sourceRevision.findFirstOrThrow({ where: { sourceId: f.source.id, number: 1 } });
    keepRevision(f.source.id, { id: revision.id, number: 1, text: ARTICLE.replace("reckless", "cautious"), textHash: "not the stored hash" });
    const created = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] });
    expect(created.target.exact).toBe("reckless");
    expect(keptRevision(f.source.id, 1)?.text).toBe(ARTICLE);
  });

  it.skipIf(!serverUrl)("tells other app instances in the create's own statement, and this process's listeners once", async () => {
    const f = await annotatedComparison(db, "Live");
    const [row] = await db().$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    const url = new URL(serverUrl!);
    url.pathname = `/${row?.name}`;
    await resetRealtimeForTests(createPostgresEventBus({ listenUrl: url.href }));
    const elsewhere = createPostgresEventBus({ listenUrl: url.href });
    const remote: ComparisonEvent[] = [];
    const local: ComparisonEvent[] = [];
    let arrived = () => {};
    elsewhere.subscribe(f.comparison.id, (event) => {
      remote.push(event);
      arrived();
    });
    let stop = () => {};
    try {
      // LISTEN is issued on connect: a NOTIFY before it would be missed.
      for (let tries = 0; tries < 100 && remote.length === 0; tries += 1) {
        const probe = new Promise<void>((resolve) => (arrived = resolve));
        await db().$executeRaw`SELECT pg_notify(${CHANNEL}, ${JSON.stringify({ origin: "probe", event: { comparisonId: f.comparison.id, type: "source", id: "probe", action: "updated" } })})`;
        await Promise.race([probe, new Promise((resolve) => setTimeout(resolve, 100))]);
      }
      remote.length = 0;
      stop = subscribeComparisonEvents(f.comparison.id, (event) => local.push(event));
      const both = new Promise<void>((resolve) => (arrived = () => remote.length === 2 && resolve()));
      const first = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] });
      const second = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("sacrificed"), tagIds: [f.tag("Loaded language")] });
      await both;
      const expected = [first, second].map(({ id }) => ({ comparisonId: f.comparison.id, type: "annotation", id, action: "created" }));
      expect(remote).toEqual(expected);
      await new Promise((resolve) => setTimeout(resolve, 200)); // this process's LISTEN hears its own NOTIFY too
      expect(local).toEqual(expected);
    } finally {
      stop();
      await elsewhere.close();
    }
  });

  it.skipIf(!serverUrl)("sends the token lookup and the create's statement with pg, and reads their times as UTC in any time zone", async () => {
    const f = await annotatedComparison(db, "Pg");
    const { token } = await createApiToken(f.reviewer, { name: "pg" });
    await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("reckless"), tagIds: [f.tag("Loaded language")] });
    const query = vi.spyOn(databasePool()!, "query");
    const zone = process.env.TZ;
    // East of UTC: a timestamp read in local time would be hours in the past.
    process.env.TZ = "Asia/Tokyo";
    try {
      expect(await authenticateApiToken(token)).toMatchObject({ id: f.reviewer.id });
      expect(await authenticateApiToken(token)).toMatchObject({ id: f.reviewer.id });
      const created = await createAnnotation(f.reviewer, f.comparison.id, { ...f.span("sacrificed"), tagIds: [f.tag("Loaded language")] });
      expect(created).toEqual(await getAnnotation(f.owner, f.comparison.id, created.id));
      const texts = query.mock.calls.map(([statement]) => (typeof statement === "string" ? statement : (statement as { text: string }).text));
      expect(texts.filter((text) => text.includes('FROM "ApiToken" t JOIN "User" u'))).toHaveLength(2);
      expect(texts.filter((text) => text.includes('INSERT INTO "Annotation"'))).toHaveLength(1);
      // "Last used" was written by the first lookup only: the second read it as a moment ago.
      expect(texts.filter((text) => text.includes('UPDATE "public"."ApiToken"'))).toHaveLength(1);
    } finally {
      process.env.TZ = zone;
      query.mockRestore();
    }
  });
});
