/**
 * Runs one shard of the authorization matrix (./cases/index.ts' SHARDS) in the calling test
 * file: its own database and scene, every actor on every case of the shard's entries, each
 * cell checking what came back AND what it did to the database, then every answer searched
 * for secrets. The shards are files of their own so that vitest's workers share them; which
 * route or action has no entry at all is checked once, by matrix.test.ts.
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
import { SHARDS, type ShardName } from "./cases";
import { discoverSites } from "./discover";
import type { Cell } from "./matrix";
import { buildClassWorld, buildWorld } from "./world";

export async function runMatrix(shard: ShardName): Promise<void> {
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

  const { sites } = await discoverSites();
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
  const runs = SHARDS[shard].filter((e) => !e.exempt).flatMap((e) => sites.filter((site) => site.fn === e.target).map((s) => [e, s] as const));
  const cellCount = runs.reduce((sum, [entry]) => sum + entry.cases.length * ACTOR_NAMES.length, 0);
  for (const [entry, site] of runs) {
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
      expect(received).toHaveLength(cellCount);
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
}
