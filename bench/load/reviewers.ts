/**
 * Virtual reviewers: each one, in a loop until the deadline, opens the annotate page or
 * creates, updates or replies to an annotation through the JSON API, one request at a
 * time (closed loop: N reviewers keep at most N requests in flight). Every answer is
 * recorded, and every write the app acknowledged is remembered, to be looked for in the
 * database afterwards.
 *
 * Plain fetch (Node's undici) rather than a load generator such as autocannon: the
 * requests depend on earlier answers (the id of a created annotation, the version to
 * update), which autocannon's fixed request lists do not model well, and we want every
 * answer's status, headers and body checked, not only counted.
 */
import { createRandom, pick, randomInt, type Random } from "@/bench/fixtures/random";
import type { LoadFixture, Reviewer } from "./seed";

export const KINDS = ["page", "create", "update", "reply"] as const;
export type Kind = (typeof KINDS)[number];

/**
 * How often each kind is chosen: reviewers mostly write, and open the page now and then.
 * Updates touch any known annotation, so two reviewers sometimes update the same one from
 * the same version: the second gets 409, which is the app doing its job.
 */
const MIX: [Kind, number][] = [
  ["page", 0.1],
  ["create", 0.35],
  ["update", 0.3],
  ["reply", 0.25],
];

export interface Outcome {
  kind: Kind;
  /** When the request was sent and answered, in ms on performance.now()'s clock. */
  sentAt: number;
  doneAt: number;
  /** HTTP status, or 0 when no answer came (timeout, refused or reset connection). */
  status: number;
  /** "timeout" or the network error, when status is 0. */
  failure?: string;
  retryAfter: string | null;
  /** True when the body looks like a stack trace or names source files. */
  leaksStack: boolean;
  /** True when the body names the database outage (an error code or an error page's digest). */
  mentionsOutage: boolean;
  /** An error body's code, e.g. DATABASE_UNAVAILABLE. */
  errorCode?: string;
}

/** Writes the app answered 2xx to, with the highest version acknowledged per annotation. */
export interface Acknowledged {
  annotations: Map<string, number>;
  replies: Set<string>;
}

export interface LoadOptions {
  origin: string;
  fixture: LoadFixture;
  /** Session cookie per reviewer, in the order of fixture.reviewers. */
  cookies: string[];
  deadline: number;
  /** A request without an answer after this long counts as failed. */
  timeoutMs: number;
  /** Stops early after this many requests in all: the run is bounded in count as well as time. */
  maxRequests: number;
  onOutcome?: (outcome: Outcome) => void;
}

/** Updates and replies go to recent annotations, where the discussion is, so some collide. */
const RECENT = 100;

const STACK = /\n\s+at .+[(:]\d+|\bat .+\.[jt]sx?:\d+:\d+|\/node_modules\/|webpack-internal:|\.next\/server\//;

interface Known {
  version: number;
  authorId: string;
}

/** Runs the reviewers until the deadline or the request budget; resolves with every outcome. */
export async function runReviewers(options: LoadOptions): Promise<{ outcomes: Outcome[]; acknowledged: Acknowledged }> {
  const outcomes: Outcome[] = [];
  const acknowledged: Acknowledged = { annotations: new Map(), replies: new Set() };
  // Annotations any reviewer may pick for an update or a reply, with the latest version seen.
  const known = new Map<string, Known>();
  const knownIds: string[] = [];
  let sent = 0;

  const reviewer = async (who: Reviewer, index: number) => {
    const random = createRandom(1000 + index);
    // Half the reviewers call the API with their token, half with their session, as a
    // script and a browser would.
    const auth: Record<string, string> = index % 2 === 0 ? { authorization: `Bearer ${who.token}` } : { cookie: options.cookies[index]! };
    const api = `${options.origin}/api/comparisons/${options.fixture.comparisonId}`;

    const request = async (kind: Kind, url: string, init: RequestInit = {}) => {
      sent += 1;
      const sentAt = performance.now();
      const headers: Record<string, string> = kind === "page" ? { cookie: options.cookies[index]! } : { ...auth, "content-type": "application/json" };
      try {
        const response = await fetch(url, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(options.timeoutMs) });
        const text = await response.text();
        const body = parseJson(text);
        const outcome: Outcome = {
          kind,
          sentAt,
          doneAt: performance.now(),
          status: response.status,
          retryAfter: response.headers.get("retry-after"),
          leaksStack: STACK.test(text),
          mentionsOutage: text.includes("DATABASE_UNAVAILABLE"),
          errorCode: (body as { error?: { code?: string } } | undefined)?.error?.code,
        };
        record(outcome);
        return { status: response.status, body };
      } catch (error) {
        const failure = (error as Error).name === "TimeoutError" ? "timeout" : describeNetworkError(error);
        record({ kind, sentAt, doneAt: performance.now(), status: 0, failure, retryAfter: null, leaksStack: false, mentionsOutage: false });
        return { status: 0, body: undefined };
      }
    };

    const create = async () => {
      const source = pick(random, options.fixture.sources);
      const first = randomInt(random, source.words.length - 8);
      const last = first + randomInt(random, 8);
      const { status, body } = await request("create", `${api}/annotations`, {
        method: "POST",
        body: JSON.stringify({
          sourceId: source.id,
          revisionNumber: 1,
          start: source.words[first]!.start,
          end: source.words[last]!.end,
          tagIds: [pick(random, options.fixture.tagIds)],
          comment: `Framing note ${randomInt(random, 1e6)} by ${who.name}`,
        }),
      });
      const created = body as { id?: string; version?: number } | undefined;
      if (status === 201 && created?.id) {
        acknowledged.annotations.set(created.id, created.version ?? 1);
        known.set(created.id, { version: created.version ?? 1, authorId: who.id });
        knownIds.push(created.id);
      }
    };

    const update = async () => {
      const id = pick(random, knownIds.slice(-RECENT));
      const target = known.get(id)!;
      // Content belongs to the author; anyone may mark the discussion resolved.
      const change = target.authorId === who.id ? { comment: `Revised note ${randomInt(random, 1e6)}` } : { resolved: random() < 0.5 };
      const { status, body } = await request("update", `${api}/annotations/${id}`, {
        method: "PATCH",
        body: JSON.stringify({ version: target.version, ...change }),
      });
      const version = status === 200 ? (body as { version?: number }).version : status === 409 ? (body as { current?: { version?: number } }).current?.version : undefined;
      if (status === 200 && version) acknowledged.annotations.set(id, Math.max(acknowledged.annotations.get(id) ?? 0, version));
      if (version && version > target.version) target.version = version;
    };

    const reply = async () => {
      const id = pick(random, knownIds.slice(-RECENT));
      const { status, body } = await request("reply", `${api}/annotations/${id}/replies`, {
        method: "POST",
        body: JSON.stringify({ body: `Agreed, see paragraph ${randomInt(random, 40)}.` }),
      });
      const created = body as { id?: string } | undefined;
      if (status === 201 && created?.id) acknowledged.replies.add(created.id);
    };

    while (performance.now() < options.deadline && sent < options.maxRequests) {
      const kind = knownIds.length === 0 ? "create" : choose(random);
      if (kind === "page") await request("page", `${options.origin}${options.fixture.annotatePath}`);
      else if (kind === "create") await create();
      else if (kind === "update") await update();
      else await reply();
    }
  };

  function record(outcome: Outcome) {
    outcomes.push(outcome);
    options.onOutcome?.(outcome);
  }

  await Promise.all(options.fixture.reviewers.map(reviewer));
  return { outcomes, acknowledged };
}

function choose(random: Random): Kind {
  let roll = random();
  for (const [kind, share] of MIX) {
    roll -= share;
    if (roll < 0) return kind;
  }
  return "create";
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** fetch reports a refused or reset connection as "fetch failed" with the reason in `cause`. */
function describeNetworkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? String(error);
}
