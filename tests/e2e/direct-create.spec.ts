import http from "node:http";
import { Readable } from "node:stream";
import { expect, type Browser, type Page } from "@playwright/test";
import { acceptInvitation, DEMO, invite, signInDirectly, signUp, test, uniqueEmail } from "./helpers";

// The annotation create that scripts/serve.mjs answers without Next's pipeline
// (scripts/direct-create.mjs, lib/server/direct-create.ts) must answer every request as Next
// does. Each request below is sent to the exact create path, which the direct path answers,
// and with a query, which goes to Next (the route ignores a POST's query); the
// header only the direct path sets shows which one answered, so no comparison is vacuous.

const DIRECT = "x-parallax-direct";
/** What is compared besides status and body: the security headers of next.config.ts and the error replies' own. */
const COMPARED_HEADERS = [
  "referrer-policy",
  "x-content-type-options",
  "x-frame-options",
  "permissions-policy",
  "content-security-policy",
  "content-type",
  "content-encoding",
  "www-authenticate",
  "retry-after",
];

interface Answer {
  direct: boolean;
  status: number;
  headers: Record<string, string | null>;
  body: unknown;
}

function comparable(body: unknown): unknown {
  if (typeof body !== "object" || body === null || !("id" in body)) return body;
  return { ...body, id: "(new)", createdAt: "(time)", updatedAt: "(time)" };
}

type Init = { method: string; headers: Record<string, string>; body?: string | Uint8Array | (() => AsyncIterable<Uint8Array>) };

/**
 * One request on a connection of its own, so what one answer leaves on a connection cannot
 * touch the next. The connection is kept alive, as browsers and fetch keep theirs: with
 * "Connection: close" a server answering before the body is all sent (401, 413) closes the
 * socket under the rest of it, and the client then sees EPIPE instead of the answer.
 */
function send(url: string, { method, headers, body }: Init): Promise<Answer> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const answer = new Promise<Answer>((resolve, reject) => {
    const request = http.request(url, { method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("error", reject);
      response.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let parsed: unknown = text;
        try {
          parsed = JSON.parse(text);
        } catch {
          // Not JSON (a redirect's body): compared as text.
        }
        const header = (name: string) => {
          const value = response.headers[name];
          return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
        };
        resolve({
          direct: header(DIRECT) === "1",
          status: response.statusCode ?? 0,
          headers: Object.fromEntries(COMPARED_HEADERS.map((name) => [name, header(name)])),
          body: parsed,
        });
      });
    });
    request.on("error", reject);
    if (typeof body === "function") Readable.from(body()).pipe(request);
    else request.end(body);
  });
  return answer.finally(() => agent.destroy());
}

/** An answer with what differs between two creates (the new id, its times) replaced. */
function comparableAnswer(answer: Answer): Answer {
  return { ...answer, body: comparable(answer.body) };
}

/** A new personal API token of whoever is signed in on `page`, made on the profile page. */
async function newToken(page: Page, name: string): Promise<string> {
  await page.goto("/profile");
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const field = page.getByLabel("Your new API token");
  await expect(field).toHaveValue(/^plx_[\w-]{43}$/);
  return field.inputValue();
}

async function signedIn(browser: Browser): Promise<Page> {
  return (await browser.newContext()).newPage();
}

test("the token create served outside Next answers every request as Next does, and a second client's live stream sees what it creates", async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  const run = Date.now().toString(36);

  // The demo owner, with a token to keep and one to revoke.
  const owner = await signedIn(browser);
  await signInDirectly(owner, DEMO.email, DEMO.password);
  const token = await newToken(owner, `direct ${run}`);
  const revokedName = `direct revoked ${run}`;
  const revoked = await newToken(owner, revokedName);
  await owner.goto("/profile");
  owner.once("dialog", (dialog) => void dialog.accept());
  await owner.getByRole("row", { name: new RegExp(revokedName) }).getByRole("button", { name: `Revoke token “${revokedName}”` }).click();
  await expect(owner.getByRole("row", { name: new RegExp(revokedName) })).toContainText("Revoked");

  // A viewer of the demo newsroom, and Ben, a student of the demo class, each with a token.
  const viewer = await signedIn(browser);
  const viewerEmail = uniqueEmail("direct.viewer");
  await signUp(viewer, `Vera Direct ${run}`, viewerEmail, "direct viewer passphrase");
  await acceptInvitation(viewer, await invite(owner, "demo-newsroom", viewerEmail, "VIEWER"), "Demo newsroom");
  const viewerToken = await newToken(viewer, "viewer script");
  const student = await signedIn(browser);
  await signInDirectly(student, "student.ben@parallax.example", "parallax-demo-2026");
  const studentToken = await newToken(student, `student script ${run}`);

  const auth = (bearer: string) => ({ Authorization: `Bearer ${bearer}` });
  const listed = async (workspace: string, slug?: string) => {
    const response = await fetch(`${baseURL}/api/workspaces/${workspace}/comparisons`, { headers: auth(token) });
    const { comparisons } = (await response.json()) as { comparisons: { id: string; slug: string }[] };
    return (slug ? comparisons.find((c) => c.slug === slug) : comparisons[0])!.id;
  };
  const comparisonId = await listed("demo-newsroom", "marrowick-barrier-flood");
  const classComparisonId = await listed("demo-class");
  const createUrl = (id: string) => `${baseURL}/api/comparisons/${id}/annotations`;
  const url = createUrl(comparisonId);

  // Reading the route loads it in Next, which is what makes the direct path available.
  const page = (await (await fetch(`${url}?limit=5`, { headers: auth(token) })).json()) as {
    annotations: { sourceId: string; revision: number; target: { start: number; end: number }; anchor: { status: string }; tags: { id: string }[] }[];
  };
  const model = page.annotations.find((a) => a.anchor.status === "EXACT")!;
  const input = { sourceId: model.sourceId, revisionNumber: model.revision, start: model.target.start, end: model.target.end, tagIds: [model.tags[0]!.id], comment: "Made directly" };
  const json = (bearer: string) => ({ ...auth(bearer), "Content-Type": "application/json" });
  const post = (headers: Record<string, string>, body: Init["body"] = JSON.stringify(input)): Init => ({ method: "POST", headers, body });

  // A second client's live stream, opened before the creates.
  const stream = await fetch(`${baseURL}/api/comparisons/${comparisonId}/events`, { headers: auth(viewerToken) });
  expect(stream.status).toBe(200);
  const events = stream.body!.pipeThrough(new TextDecoderStream()).getReader();

  // Every annotation this test creates, deleted at its end: the journeys after it share the demo comparison.
  const createdIds: string[] = [];
  const kept = (answer: Answer) => {
    if (answer.status === 201) createdIds.push((answer.body as { id: string }).id);
    return answer;
  };

  try {
    /** The same request to the direct path and to Next: the same answer, each from the path it was meant for. */
    const same = async (name: string, target: string, init: () => Init, status: number) => {
      const direct = kept(await send(target, init()));
      const viaNext = kept(await send(`${target}?via=next`, init()));
      expect(direct.direct, `${name}: answered by the direct path`).toBe(true);
      expect(viaNext.direct, `${name}: answered by Next`).toBe(false);
      expect(direct.status, `${name}: ${JSON.stringify(direct.body)}`).toBe(status);
      expect(comparableAnswer(direct), name).toEqual(comparableAnswer({ ...viaNext, direct: true }));
      return direct;
    };

    const created = await same("a good create", url, () => post(json(token)), 201);
    expect(created.body).toMatchObject({ comment: "Made directly", version: 1, author: { name: DEMO.name } });
    expect(created.headers["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(created.headers["x-frame-options"]).toBe("DENY");

    const long = { ...input, comment: "A long comment. ".repeat(100) };
    await same("a create whose answer is over 1 kB, asked for with gzip", url, () => post({ ...json(token), "Accept-Encoding": "gzip" }, JSON.stringify(long)), 201);
    await same("bad JSON", url, () => post(json(token), '{"sourceId": '), 400);
    await same("a body that is not UTF-8", url, () => post(json(token), new Uint8Array([0x7b, 0xff, 0x7d])), 400);
    await same("an empty body", url, () => post(json(token), ""), 400);
    await same("a body over 1 MB, declared", url, () => post(json(token), JSON.stringify({ comment: "x".repeat(1024 * 1024) })), 413);
    const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
    const streamed = () =>
      post(json(token), async function* () {
        for (let sent = 0; sent < 20; sent++) yield chunk;
      });
    await same("a body over 1 MB, streamed without a length", url, streamed, 413);
    await same("a malformed Authorization header", url, () => post({ Authorization: "Basic YTpi", "Content-Type": "application/json" }), 401);
    await same("an unknown token", url, () => post(json(`plx_${"A".repeat(43)}`)), 401);
    await same("a revoked token", url, () => post(json(revoked)), 401);
    await same("a viewer", url, () => post(json(viewerToken)), 403);
    const classAnnotation = ((await (await fetch(`${createUrl(classComparisonId)}?limit=1`, { headers: auth(token) })).json()) as typeof page).annotations[0]!;
    const classInput = { ...input, sourceId: classAnnotation.sourceId, revisionNumber: classAnnotation.revision, start: classAnnotation.target.start, end: classAnnotation.target.end, tagIds: [classAnnotation.tags[0]!.id] };
    await same("a student outside an assignment", createUrl(classComparisonId), () => post(json(studentToken), JSON.stringify(classInput)), 403);
    await same("a comparison of another workspace", createUrl(classComparisonId), () => post(json(viewerToken)), 404);
    await same("an unknown comparison", createUrl("nope"), () => post(json(token)), 404);
    await same("an unknown tag", url, () => post(json(token), JSON.stringify({ ...input, tagIds: ["nope"] })), 400);
    await same("a stale revision", url, () => post(json(token), JSON.stringify({ ...input, revisionNumber: model.revision + 7 })), 409);
    await same("a span outside the text", url, () => post(json(token), JSON.stringify({ ...input, start: 10_000_000, end: 10_000_010 })), 400);
    await same("input the schema refuses", url, () => post(json(token), JSON.stringify({ ...input, tagIds: [] })), 400);

    // Requests the direct path leaves to Next, answered as before.
    const viaNext = async (name: string, target: string, init: Init, status: number) => {
      const answer = kept(await send(target, init));
      expect(answer.direct, `${name}: answered by Next`).toBe(false);
      expect(answer.status, `${name}: ${JSON.stringify(answer.body)}`).toBe(status);
      return answer;
    };
    await viaNext("no token", url, post({ "Content-Type": "application/json" }), 401);
    await viaNext("a content type that is not JSON", url, post({ ...auth(token), "Content-Type": "text/plain" }), 400);
    await viaNext("another method", url, { method: "PUT", headers: json(token), body: "{}" }, 405);
    const sameAsCreated = (answer: Answer) => expect(comparableAnswer({ ...answer, direct: true })).toEqual(comparableAnswer(created));
    sameAsCreated(await viaNext("a query", `${url}?x=1`, post(json(token)), 201));
    expect((await viaNext("a trailing slash", `${url}/`, post(json(token)), 308)).body).toBe(`/api/comparisons/${comparisonId}/annotations`);
    const encoded = `${baseURL}/api/comparisons/%${comparisonId.charCodeAt(0).toString(16)}${comparisonId.slice(1)}/annotations`;
    sameAsCreated(await viaNext("an encoded character", encoded, post(json(token)), 201));
    const cookie = (await owner.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    sameAsCreated(await viaNext("a cookie as well as a token", url, post({ ...json(token), Cookie: cookie }), 201));
    expect((await viaNext("a cookie with a revoked token", url, post({ ...json(revoked), Cookie: cookie }), 401)).body).toEqual((await send(url, post(json(revoked)))).body);

    // The create made by the direct path reached the viewer's live stream.
    const createdId = (created.body as { id: string }).id;
    let seen = "";
    while (!seen.includes(createdId)) {
      const { value, done } = await events.read();
      if (done) break;
      seen += value;
    }
    expect(seen).toContain(`"id":"${createdId}"`);
    await events.cancel();
  } finally {
    // Deleted even when a check above failed, so a failure here cannot spill into the journeys after it.
    for (const id of createdIds) expect((await fetch(`${url}/${id}?version=1`, { method: "DELETE", headers: auth(token) })).status).toBe(204);
  }
});
