import { expect, test, type APIResponse } from "@playwright/test";
import { DEMO, signInDirectly, signOut, signUp, uniqueEmail } from "./helpers";

const DEMO_COMPARISON = "marrowick-barrier-flood";

interface Annotation {
  id: string;
  sourceId: string;
  revision: number;
  target: { start: number; end: number };
  anchor: { status: string };
  tags: { id: string; name: string }[];
  comment: string | null;
  author: { name: string };
  version: number;
  replies: { id: string; body: string; version: number }[];
}

interface ErrorBody {
  error: { code: string; message: string; fieldErrors?: Record<string, string> };
  current?: Annotation;
}

async function errorOf(response: APIResponse, status: number): Promise<ErrorBody> {
  expect(response.status(), await response.text()).toBe(status);
  return (await response.json()) as ErrorBody;
}

test("a script works on annotations with a personal API token, and loses access once it is revoked", async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);

  // Someone else's workspace and comparison, whose id the outsider reads with their cookie session.
  await signUp(page, "Otto Outsider", uniqueEmail("outsider"), "outsider passphrase");
  await page.getByLabel("Workspace name").fill("Outsider desk");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/outsider-desk[\w-]*$/);
  const outsiderWorkspace = new URL(page.url()).pathname.split("/")[2];
  await page.getByLabel("Title").fill("A private story");
  await page.getByRole("button", { name: "Create comparison" }).click();
  const theirComparisons = async () => {
    const response = await page.request.get(`/api/workspaces/${outsiderWorkspace}/comparisons`);
    expect(response.status()).toBe(200);
    return ((await response.json()) as { comparisons: { id: string; title: string }[] }).comparisons;
  };
  await expect.poll(async () => (await theirComparisons()).map((c) => c.title)).toEqual(["A private story"]);
  const [privateComparison] = await theirComparisons();
  await signOut(page);

  // The demo editor creates a token on the profile page, reached from the header.
  await signInDirectly(page, DEMO.email, DEMO.password);
  await page.getByRole("link", { name: /your profile/ }).click();
  await expect(page).toHaveURL(/\/profile$/);
  await expect(page.getByRole("main").getByText(DEMO.email)).toBeVisible();
  const tokenName = `e2e script ${Date.now()}`;
  await page.getByLabel("Token name").fill(tokenName);
  await page.getByRole("button", { name: "Create token" }).click();
  const tokenField = page.getByLabel("Your new API token");
  await expect(tokenField).toHaveValue(/^plx_[\w-]{43}$/);
  await expect(tokenField).toBeFocused();
  await expect(page.getByText("Copy it now: it is not shown again")).toBeVisible();
  const token = await tokenField.inputValue();
  const tokenRow = page.getByRole("row", { name: new RegExp(tokenName) });
  await expect(tokenRow).toContainText("Active");
  await expect(tokenRow).toContainText("Never");

  const auth = { Authorization: `Bearer ${token}` };
  const json = { ...auth, "Content-Type": "application/json" };

  // Without any credentials: 401.
  expect((await errorOf(await request.get(`/api/workspaces/demo-newsroom/comparisons`), 401)).error.code).toBe("UNAUTHENTICATED");

  const listed = await request.get("/api/workspaces/demo-newsroom/comparisons", { headers: auth });
  expect(listed.status()).toBe(200);
  const demo = ((await listed.json()) as { comparisons: { id: string; slug: string }[] }).comparisons.find((c) => c.slug === DEMO_COMPARISON);
  expect(demo).toBeDefined();
  const base = `/api/comparisons/${demo!.id}`;

  // Paging: two pages of two follow each other without overlap.
  const first = (await (await request.get(`${base}/annotations?limit=2`, { headers: auth })).json()) as { annotations: Annotation[]; nextCursor: string | null };
  expect(first.annotations).toHaveLength(2);
  expect(first.nextCursor).not.toBeNull();
  const second = (await (await request.get(`${base}/annotations?limit=2&cursor=${first.nextCursor}`, { headers: auth })).json()) as { annotations: Annotation[] };
  expect(second.annotations).toHaveLength(2);
  expect(second.annotations.map((a) => a.id)).not.toContain(first.annotations[0]!.id);
  expect(second.annotations.map((a) => a.id)).not.toContain(first.annotations[1]!.id);

  // Filters: by tag; a misspelt filter is refused rather than ignored.
  const model = [...first.annotations, ...second.annotations].find((a) => a.anchor.status === "EXACT")!;
  const tag = model.tags[0]!;
  const byTag = (await (await request.get(`${base}/annotations?tagId=${tag.id}`, { headers: auth })).json()) as { annotations: Annotation[] };
  expect(byTag.annotations.length).toBeGreaterThan(0);
  for (const annotation of byTag.annotations) expect(annotation.tags.map((t) => t.id)).toContain(tag.id);
  expect((await errorOf(await request.get(`${base}/annotations?tag=${tag.id}`, { headers: auth }), 400)).error.message).toMatch(/Unknown query parameter “tag”/);

  // Create, on the same words as an existing annotation.
  const createdResponse = await request.post(`${base}/annotations`, {
    headers: auth,
    data: { sourceId: model.sourceId, revisionNumber: model.revision, start: model.target.start, end: model.target.end, tagIds: [tag.id], comment: "Made by a script" },
  });
  expect(createdResponse.status(), await createdResponse.text()).toBe(201);
  const created = (await createdResponse.json()) as Annotation;
  expect(created).toMatchObject({ version: 1, comment: "Made by a script", author: { name: DEMO.name } });
  const one = `${base}/annotations/${created.id}`;

  // Update, then a stale update: 409 with the current version to re-apply on.
  const updated = await request.patch(one, { headers: auth, data: { version: 1, comment: "Edited by a script" } });
  expect(updated.status(), await updated.text()).toBe(200);
  expect(((await updated.json()) as Annotation).version).toBe(2);
  const stale = await errorOf(await request.patch(one, { headers: auth, data: { version: 1, comment: "Based on an old read" } }), 409);
  expect(stale.error.code).toBe("CONFLICT");
  expect(stale.current).toMatchObject({ id: created.id, version: 2, comment: "Edited by a script" });

  // A reply, edited.
  const reply = await request.post(`${one}/replies`, { headers: auth, data: { body: "A first reply" } });
  expect(reply.status(), await reply.text()).toBe(201);
  const replyId = ((await reply.json()) as { id: string }).id;
  expect((await request.patch(`${base}/replies/${replyId}`, { headers: auth, data: { body: "An edited reply", version: 1 } })).status()).toBe(204);
  const read = (await (await request.get(one, { headers: auth })).json()) as Annotation;
  expect(read.replies.map((r) => r.body)).toEqual(["An edited reply"]);

  // Bodies that are not JSON, or too large (declared, and streamed without a length): refused.
  // A Buffer goes out as it is; Playwright would serialize a string as a JSON string.
  const malformed = await errorOf(await request.post(`${base}/annotations`, { headers: json, data: Buffer.from('{"sourceId": ') }), 400);
  expect(malformed.error.message).toMatch(/^The request body is not valid JSON: /);
  const huge = Buffer.from(JSON.stringify({ comment: "x".repeat(1024 * 1024 + 1) }));
  const declared = await errorOf(await request.post(`${base}/annotations`, { headers: json, data: huge }), 413);
  expect(declared.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: expect.stringMatching(/larger than the 1 MB/) });
  const chunk = new TextEncoder().encode("x".repeat(64 * 1024));
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ < 20) controller.enqueue(chunk);
      else controller.close();
    },
  });
  const streamed = await fetch(new URL(`${base}/annotations`, baseURL), { method: "POST", headers: json, body: stream, duplex: "half" } as RequestInit);
  expect(streamed.status).toBe(413);

  // Another workspace's comparison does not exist for this token.
  expect((await errorOf(await request.get(`/api/comparisons/${privateComparison!.id}/annotations`, { headers: auth }), 404)).error.code).toBe("NOT_FOUND");

  // Delete (the version as a query parameter): gone afterwards.
  expect((await request.delete(`${one}?version=2`, { headers: auth })).status()).toBe(204);
  expect((await errorOf(await request.get(one, { headers: auth }), 404)).error.code).toBe("NOT_FOUND");

  // The signed-in browser may use the API with its cookie, but a bad token is never replaced by it.
  expect((await page.request.get(`${base}/annotations?limit=1`)).status()).toBe(200);
  const wrongToken = await errorOf(await page.request.get(`${base}/annotations?limit=1`, { headers: { Authorization: `Bearer plx_${"A".repeat(43)}` } }), 401);
  expect(wrongToken.error.message).toMatch(/not valid or has been revoked/);

  // Revoked on the profile page: the token stops working at once.
  await page.reload();
  await expect(tokenRow).not.toContainText("Never");
  page.once("dialog", (dialog) => void dialog.accept());
  await tokenRow.getByRole("button", { name: `Revoke token “${tokenName}”` }).click();
  await expect(tokenRow).toContainText("Revoked");
  await expect(tokenRow.getByRole("button")).toHaveCount(0);
  const revoked = await errorOf(await request.get(`${base}/annotations`, { headers: auth }), 401);
  expect(revoked.error.message).toMatch(/revoked/);
});
