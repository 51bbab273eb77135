/**
 * What the load test's reviewers work on: one comparison (3 outlets' articles, the default
 * taxonomy) in a workspace where each of them is a reviewer with a personal API token and
 * a signed-in session.
 */
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { installDbClient, type Db } from "@/lib/server/db/client";
import { createApiToken } from "@/lib/server/services/api-tokens/create-api-token";
import { installDefaultTaxonomy } from "@/lib/server/services/taxonomy/install-default-taxonomy";
import { seedComparison } from "@/bench/fixtures/comparison";
import { createRandom } from "@/bench/fixtures/random";

export interface Reviewer {
  id: string;
  name: string;
  email: string;
  /** A personal API token (plx_…), sent as a Bearer token. */
  token: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface LoadFixture {
  comparisonId: string;
  /** The annotate page, e.g. /w/bench/c/flood-barrier/annotate */
  annotatePath: string;
  /** Each source with the spans of its words, to select 1-8 of them at random. */
  sources: { id: string; words: Span[] }[];
  tagIds: string[];
  reviewers: Reviewer[];
}

const SOURCES = 3;
const WORDS = 1500;

export async function seedLoad(db: Db, url: string, reviewers: number): Promise<LoadFixture> {
  installDbClient(db, { kind: "postgres", url });
  const seeded = await seedComparison(db, createRandom(11), { sources: SOURCES, words: WORDS });
  const comparison = await db.comparison.findUniqueOrThrow({
    where: { id: seeded.comparisonId },
    select: { id: true, slug: true, workspace: { select: { id: true, slug: true } } },
  });
  await installDefaultTaxonomy(db, comparison.id);
  const tags = await db.tag.findMany({ where: { tagSet: { comparisonId: comparison.id } }, select: { id: true } });

  const people: Reviewer[] = [];
  for (let i = 1; i <= reviewers; i++) {
    // No password: the test signs reviewers in by minting their session cookie.
    const user = await db.user.create({
      data: {
        name: `Reviewer ${i}`,
        email: `reviewer-${i}@load.example`,
        passwordHash: "not-a-hash",
        memberships: { create: { workspaceId: comparison.workspace.id, role: "REVIEWER" } },
      },
      select: { id: true, name: true, email: true },
    });
    const { token } = await createApiToken(user, { name: "load test" });
    people.push({ ...user, token });
  }

  return {
    comparisonId: comparison.id,
    annotatePath: `/w/${comparison.workspace.slug}/c/${comparison.slug}/annotate`,
    sources: seeded.sources.map((s) => ({
      id: s.id,
      words: [...s.text.matchAll(/\S+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
    })),
    tagIds: tags.map((t) => t.id),
    reviewers: people,
  };
}

/**
 * The session cookie the app would set after a sign-in, signed with its secret. Signing in
 * through the form instead would run into the sign-in rate limit (20 per address per 15
 * minutes) long before 50 reviewers are in, and would time argon2 rather than the app.
 */
export async function sessionCookie(reviewer: Reviewer, secret: string): Promise<string> {
  // A session id of its own, as each sign-in gets one (lib/server/auth/auth-options.ts): the
  // app refuses tokens without it, and signing out ends only that id.
  const token = { sub: reviewer.id, name: reviewer.name, email: reviewer.email, signedInAt: Date.now(), sid: randomBytes(16).toString("base64url") };
  const jwt = await encode({ token, secret });
  return `next-auth.session-token=${jwt}`;
}
