/**
 * The authorization matrix: every route handler and server action of the app, found by
 * walking app/, called by every actor (./actors.ts), each cell checking what came back
 * AND what it did to the database. The rules are PRODUCT.md's, written out in
 * docs/permissions.md; non-members get 404 as if nothing existed, members without the
 * role 403, nobody signed in 401.
 *
 * A route or action without an entry fails the "has an entry" test below. To add one, in
 * a file of ./cases (listed in ./cases/index.ts):
 *
 *   route(exportRoute.GET, (c) => [
 *     c({
 *       name: "export the report",                          // what is done to what
 *       expect: MEMBERS,                                    // a preset row of ./actors.ts, or your own
 *       arrange: (cell) => annotationIn(cell.world),        // optional: fresh targets, made by someone who may
 *       request: (cell, t) => ({ params: { comparisonId: cell.world.comparison.id } }),
 *       verify: async (cell, t, allowed) => { ... },        // the effect happened iff allowed; reads use `shows`
 *     }),
 *   ]),
 *
 * action(fn, (c) => [c({ ..., args: (cell, t) => [...] })]) does the same for a server
 * action, with the arguments the app passes (form({...}) for form actions). Routes are
 * called with the actor's personal API token; actions with the actor as the session user.
 * Every answer the matrix receives is then searched for secrets.
 */
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createApiToken } from "@/lib/server/services/api-tokens/create-api-token";
import { PASSWORD } from "../helpers/factories";
import { setupTestDb } from "../helpers/setup-test-db";
import { ACTOR_NAMES, ACTORS, ok, type ActorName } from "./actors";
import { MATRIX } from "./cases";
import { discoverSites, type Site } from "./discover";
import type { Cell } from "./matrix";
import { buildClassWorld, buildWorld } from "./world";

// Actions read the signed-in user through this module (next-auth needs a real request);
// each cell says who that is. Request headers and revalidating need Next's request store,
// absent here: sign-up sees no client address, and nothing is cached to revalidate.
vi.mock("@/lib/server/auth/session", () => ({ getSessionUser: vi.fn(async () => null) }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
// The matrix asks who gets a PDF, not how one is drawn (lib/server/reports/pdf.test.ts,
// report-renderings.test.ts and the report journey do): drawn for real, the report of a world
// holding every cell's annotations took over half the file's time. Its streams are compressed,
// so the secrets scan never read a PDF's text either.
vi.mock("@/lib/server/reports/pdf", () => ({ reportToPdf: vi.fn(async () => Buffer.from("%PDF-1.7\n%%EOF\n")) }));

const db = setupTestDb();

// The session secret as `npm start` keeps it in the data folder: no answer may carry it.
const SESSION_SECRET = randomBytes(32).toString("base64url");
const dataDir = mkdtempSync(path.join(os.tmpdir(), "parallax-authz-"));
writeFileSync(path.join(dataDir, "secrets.json"), JSON.stringify({ nextauthSecret: SESSION_SECRET }));
vi.stubEnv("NEXTAUTH_SECRET", SESSION_SECRET);
vi.stubEnv("PARALLAX_DATA_DIR", dataDir);
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

const { sites, inline } = await discoverSites();
const sitesOf = (target: unknown) => sites.filter((site) => site.fn === target);

function howToAdd(site: Site): string {
  const module = `import * as target from "@/${site.file.replace(/\.[a-z]+$/, "")}"`;
  const entry =
    site.kind === "route"
      ? `route(target.${site.method}, (c) => [c({ name, expect, request, verify })])`
      : `action(target.${site.key.split("#")[1]}, (c) => [c({ name, expect, args, verify })])`;
  return (
    `${site.key} has no entry in the authorization matrix: say what every actor may do with it. ` +
    `In a file of tests/integration/authorization/cases/, ${module} and add ${entry} to its entries ` +
    `(the comment at the top of matrix.test.ts shows a whole case).`
  );
}

describe("discovery", () => {
  it("finds the app's route handlers and server actions", () => {
    expect(sites.filter((s) => s.kind === "route").length).toBeGreaterThanOrEqual(10);
    expect(sites.filter((s) => s.kind === "action").length).toBeGreaterThanOrEqual(25);
  });

  it("finds no server action declared inside a component, where no test can reach it", () => {
    expect(inline, "Move these \"use server\" functions into an actions.ts module so the matrix can call them").toEqual([]);
  });

  it.each(sites.map((site) => [site.key, site] as const))("%s has an entry", (_key, site) => {
    if (!MATRIX.some((entry) => entry.target === site.fn)) expect.fail(howToAdd(site));
  });

  it("has no entry for something that is not a route handler or server action", () => {
    const strays = MATRIX.filter((entry) => sitesOf(entry.target).length === 0).map((entry) => entry.cases.map((c) => c.name).join(", "));
    expect(strays).toEqual([]);
  });
});

const cells = {} as Record<ActorName, Cell>;
const received: string[] = [];

beforeAll(async () => {
  const world = await buildWorld("Harbour");
  const elsewhere = await buildWorld("Oriel");
  const classroom = await buildClassWorld("Tess Teacher");
  for (const name of ACTOR_NAMES) {
    const { user, world: actsOn } = await ACTORS[name].join({ world, elsewhere, classroom });
    const token = user ? (await createApiToken(user, { name: "authorization matrix" })).token : null;
    cells[name] = { actor: name, user, token, world: actsOn, classroom };
  }
});

// An entry runs at every site its target is exported as (one handler can serve two methods).
for (const [entry, site] of MATRIX.filter((e) => !e.exempt).flatMap((e) => sitesOf(e.target).map((s) => [e, s] as const))) {
  describe(site.key, () => {
    for (const matrixCase of entry.cases) {
      describe(matrixCase.name, () => {
        for (const actor of ACTOR_NAMES) {
          const spec = ACTORS[actor];
          const expected = matrixCase.expect[actor];
          it(`${spec.label}: ${expected}`, async () => {
            const cell = cells[actor];
            const { reply, verify } = await matrixCase.run(cell, site);
            received.push(reply.text);
            expect(reply.outcome, reply.said).toBe(expected);
            if (expected === 401 || expected === 404) {
              for (const word of cell.world.revealing) expect(reply.said, "a refusal names the workspace").not.toContain(word);
            }
            await verify(expected === ok);
          });
        }
      });
    }
  });
}

describe("secrets", () => {
  it("never reach a caller: no password hash, token hash, API token or session secret in any answer above", async () => {
    expect(received.length).toBeGreaterThan(200);
    const hashes = await db().user.findMany({ select: { passwordHash: true } });
    const tokens = await db().apiToken.findMany({ select: { tokenHash: true } });
    const secrets: [string, string][] = [
      ["the field name passwordHash", "passwordHash"],
      ["the field name tokenHash", "tokenHash"],
      ["an argon2 hash", "$argon2"],
      ["the session secret (data/secrets.json)", SESSION_SECRET],
      ["a user's password", PASSWORD],
      ...hashes.map((u): [string, string] => ["a user's password hash", u.passwordHash]),
      ...tokens.map((t): [string, string] => ["an API token's hash", t.tokenHash]),
      ...Object.values(cells).flatMap((cell): [string, string][] => (cell.token ? [["an actor's API token", cell.token]] : [])),
    ];
    expect(hashes.length).toBeGreaterThan(10);
    const everything = received.join("\n");
    for (const [what, secret] of secrets) expect(everything.includes(secret), `an answer contains ${what}`).toBe(false);
  });
});
