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
 *
 * The cells run in shards, one test file each (matrix-<shard>.test.ts, listed in
 * ./cases/index.ts' SHARDS, run by ./run-matrix.ts), so that both of vitest's workers share
 * them. This file checks, once, that the shards cover every route and action.
 */
import { readdirSync, readFileSync } from "node:fs";
import "./mocks";
import { describe, expect, it } from "vitest";
import { MATRIX, SHARDS } from "./cases";
import { discoverSites, type Site } from "./discover";

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

describe("shards", () => {
  it.each(Object.keys(SHARDS))("%s runs in a test file of its own", (shard) => {
    const file = `matrix-${shard}.test.ts`;
    expect(readdirSync(import.meta.dirname), `Add ${file}, as the other shards' files are`).toContain(file);
    expect(readFileSync(`${import.meta.dirname}/${file}`, "utf8")).toContain(`runMatrix("${shard}")`);
  });
});
