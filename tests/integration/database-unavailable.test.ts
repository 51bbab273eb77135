import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as createAnnotationRoute } from "@/app/api/comparisons/[comparisonId]/annotations/route";
import { GET as healthRoute } from "@/app/api/health/route";
import { userAction, userCall } from "@/lib/server/action";
import { getSessionUser } from "@/lib/server/auth/session";
import { createDbClient, databaseTarget, db, installDbClient, type Db } from "@/lib/server/db/client";
import { isDatabaseUnavailable, toAppError } from "@/lib/server/db/errors";
import { openAdapter, REQUEST_POOL } from "@/lib/server/db/target";
import {
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE_DIGEST,
  DATABASE_UNAVAILABLE_MESSAGE,
  DatabaseUnavailableError,
} from "@/lib/server/errors";
import { signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

// Forms read the session through next-auth, which needs a real request; tests say who is signed in.
vi.mock("@/lib/server/auth/session", () => ({ getSessionUser: vi.fn() }));

const testDb = setupTestDb();
const serverUrl = process.env.TEST_DATABASE_URL;

/** What a stack trace or a source path in a body would look like. */
const STACK = /\n\s+at |\.tsx?:\d+|node_modules|prisma\./i;

const sockets = new Set<net.Socket>();
let refusingUrl: string;
let silentServer: net.Server;
let silentUrl: string;
const clients: Db[] = [];

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as net.AddressInfo).port)));
}

/** A client as the app opens it (REQUEST_POOL), with some bounds shortened to keep tests quick. */
function appClient(url: string, bounds: Partial<typeof REQUEST_POOL> = {}): Db {
  const client = createDbClient(openAdapter({ kind: "postgres", url }, { ...REQUEST_POOL, ...bounds }).factory);
  clients.push(client);
  return client;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail("expected the database call to fail"),
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  // A port nobody listens on: connections are refused, as while Postgres restarts.
  const closed = net.createServer();
  const port = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
  refusingUrl = `postgresql://postgres@127.0.0.1:${port}/parallax`;
  // A server that accepts connections and never says a word, as a hung host or a partition.
  silentServer = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  silentUrl = `postgresql://postgres@127.0.0.1:${await listen(silentServer)}/parallax`;
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.$disconnect()));
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silentServer.close(resolve));
});

/** Runs `fn` with the app's client pointing at an unreachable database, then puts the test database back. */
async function whileUnreachable<T>(fn: () => Promise<T>): Promise<T> {
  const target = databaseTarget();
  installDbClient(appClient(refusingUrl), { kind: "postgres", url: refusingUrl });
  try {
    return await fn();
  } finally {
    installDbClient(testDb(), target);
  }
}

describe("a database that cannot answer", () => {
  it("refusing connections: every query fails at once with DATABASE_UNAVAILABLE, carrying the page digest", async () => {
    // A connection timeout far longer than the app's 5 s, so that failing at once (not waiting for
    // the timeout) shows with a margin a loaded machine keeps: the first query also loads Prisma's
    // query compiler, 3.5 s at a load average of 15 on two cores, where a 3 s bound failed.
    const client = appClient(refusingUrl, { connectionTimeoutMillis: 20_000 });
    const started = performance.now();
    const error = await rejection(client.user.findFirst());
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(error).toMatchObject({ code: "DATABASE_UNAVAILABLE", status: 503, message: DATABASE_UNAVAILABLE_MESSAGE, digest: DATABASE_UNAVAILABLE_DIGEST });
    // The driver's error stays attached for the server log.
    expect((error as Error).cause).toMatchObject({ code: "P1001" });
  });

  it("never answering: the pool gives up after its connection timeout instead of waiting for the operating system", async () => {
    const client = appClient(silentUrl, { connectionTimeoutMillis: 300 });
    const started = performance.now();
    const error = await rejection(client.user.count());
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(3_000);
  });

  it("a transaction that cannot start is an outage too, once it reaches an endpoint or a form", async () => {
    const client = appClient(refusingUrl);
    const error = await rejection(client.$transaction(async (tx) => tx.user.count()));
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(toAppError(error)).toMatchObject({ code: "DATABASE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE });
  });

  it("is told apart from the request's own mistakes and from bugs", async () => {
    const user = await signUp("Una Unique");
    const duplicate = await rejection(testDb().user.create({ data: { name: "Copy", email: user.email, passwordHash: "x" } }));
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(toAppError(duplicate)).toBeUndefined();
    expect(toAppError(new TypeError("Cannot read properties of undefined"))).toBeUndefined();
  });
});

describe("what callers are told while the database is away", () => {
  afterEach(() => vi.mocked(getSessionUser).mockReset());

  it("route handlers answer 503 JSON with Retry-After, and no stack trace", async () => {
    const response = await whileUnreachable(() =>
      createAnnotationRoute(
        new Request("http://localhost/api/comparisons/c1/annotations", {
          method: "POST",
          headers: { authorization: `Bearer plx_${"A".repeat(43)}`, "content-type": "application/json" },
          body: JSON.stringify({ sourceId: "s1", revisionNumber: 1, start: 0, end: 5, tagIds: ["t1"] }),
        }),
        { params: Promise.resolve({ comparisonId: "c1" }) },
      ),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "DATABASE_UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE } });
    expect(text).not.toMatch(STACK);
  });

  it("the health check says 503 with the driver's reason", async () => {
    const response = await whileUnreachable(() => healthRoute());
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe(String(DATABASE_RETRY_AFTER_SECONDS));
    expect(await response.json()).toMatchObject({ status: "unavailable", reason: expect.stringMatching(/^The database is unreachable: .*Can't reach database server at 127.0.0.1/) });
  });

  it("forms and client calls get the sentence to show, and keep what was typed", async () => {
    vi.mocked(getSessionUser).mockResolvedValue({ id: "u1", name: "Rita", email: "rita@example.org" });
    const form = new FormData();
    form.set("title", "Flood barrier");
    const submit = userAction(async () => {
      await db().comparison.count();
      return { ok: true };
    });
    const call = userCall(async () => db().$transaction(async (tx) => tx.comparison.count()));
    const [submitted, called] = await whileUnreachable(() => Promise.all([submit(null, form), call()]));
    expect(submitted).toEqual({ ok: false, message: DATABASE_UNAVAILABLE_MESSAGE, code: "DATABASE_UNAVAILABLE", fieldErrors: undefined, values: { title: "Flood barrier" } });
    expect(called).toEqual({ ok: false, message: DATABASE_UNAVAILABLE_MESSAGE, code: "DATABASE_UNAVAILABLE", current: undefined });
  });
});

describe.skipIf(!serverUrl)("a Postgres server that stops cooperating (TEST_DATABASE_URL)", () => {
  /** This file's own database on the server, reached through a second, app-like pool. */
  async function ownDatabaseUrl(): Promise<string> {
    const [row] = await testDb().$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
    const url = new URL(serverUrl!);
    url.pathname = `/${row?.name}`;
    return url.href;
  }

  it("a statement over statement_timeout is cancelled by the server and reported as an outage", async () => {
    const client = appClient(await ownDatabaseUrl(), { statement_timeout: 200 });
    const error = await rejection(client.$queryRaw`SELECT pg_sleep(2)`);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).cause).toMatchObject({ meta: { driverAdapterError: { cause: { originalCode: "57014" } } } });
  });

  it("a connection ended under a transaction (as a restart does) fails it, and the pool recovers by itself", async () => {
    const client = appClient(await ownDatabaseUrl());
    const error = await rejection(
      client.$transaction(async (tx) => {
        const [backend] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        await testDb().$queryRaw`SELECT pg_terminate_backend(${backend?.pid})`;
        return tx.user.count();
      }),
    );
    expect(toAppError(error)?.code).toBe("DATABASE_UNAVAILABLE");
    await expect(client.user.count()).resolves.toBeGreaterThanOrEqual(0);
  });
});
