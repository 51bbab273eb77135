import { afterEach, describe, expect, it, vi } from "vitest";
import { GET as listAnnotationsRoute, POST as createAnnotationRoute } from "@/app/api/comparisons/[comparisonId]/annotations/route";
import { POST as createReplyRoute } from "@/app/api/comparisons/[comparisonId]/annotations/[annotationId]/replies/route";
import { getSessionUser } from "@/lib/server/auth/session";
import { importAnnotations } from "@/lib/server/export/import-annotations";
import { AppError } from "@/lib/server/errors";
import { createAnnotation } from "@/lib/server/services/annotations/create-annotation";
import { createReply } from "@/lib/server/services/annotations/replies";
import { createComparison } from "@/lib/server/services/comparisons/create-comparison";
import { createOutlet } from "@/lib/server/services/outlets/create-outlet";
import { setPassage } from "@/lib/server/services/passages/set-passage";
import { createSource } from "@/lib/server/services/sources/create-source";
import { updateSourceText } from "@/lib/server/services/sources/update-source-text";
import { createTag } from "@/lib/server/services/taxonomy/create-tag";
import { createUser } from "@/lib/server/services/users/create-user";
import { createWorkspace } from "@/lib/server/services/workspaces/create-workspace";
import { annotatedComparison } from "./helpers/comparison-fixture";
import { PASSWORD } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

vi.mock("@/lib/server/auth/session", () => ({ getSessionUser: vi.fn() }));

const db = setupTestDb();

const NUL = "\u0000";
const RLO = "\u202e";

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** What the JSON API answers, with the session of `user`. */
async function api<P>(
  handler: (req: Request, ctx: { params: Promise<P> }) => Promise<Response>,
  user: { id: string; name: string; email: string },
  { url, method = "GET", body, params }: { url: string; method?: string; body?: unknown; params: P },
) {
  vi.mocked(getSessionUser).mockResolvedValue(user);
  const response = await handler(
    new Request(`http://localhost${url}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string; fieldErrors?: Record<string, string> } } };
}

afterEach(() => vi.mocked(getSessionUser).mockReset());

describe("a NUL character is refused with a message naming the field, and nothing is stored", () => {
  it("in titles, names, outlets, tags, labels, comments, replies and source text", async () => {
    const { owner, workspace, comparison, source, tag, span } = await annotatedComparison(db, "Nul");
    const tagSet = await db().tagSet.findFirstOrThrow({ where: { comparisonId: comparison.id } });
    const annotation = await createAnnotation(owner, comparison.id, { ...span("spillway"), tagIds: [tag("Loaded language")] });
    const before = await Promise.all([db().comparison.count(), db().outlet.count(), db().source.count(), db().tag.count(), db().factRow.count(), db().annotation.count(), db().reply.count(), db().workspace.count(), db().user.count(), db().sourceRevision.count()]);

    // Each call is made in turn, so no refusal is left unhandled while an earlier one is awaited.
    const cases: [string, () => Promise<unknown>, string][] = [
      ["comparison title", () => createComparison(owner, workspace.slug, { title: `Flood${NUL}` }), "title"],
      ["comparison description", () => createComparison(owner, workspace.slug, { title: "Flood", description: `About${NUL}` }), "description"],
      ["outlet name", () => createOutlet(owner, workspace.slug, { name: `Daily${NUL}` }), "name"],
      [
        "source title",
        () => createSource(owner, workspace.slug, comparison.slug, { content: { kind: "paste", text: "Another article." }, metadata: { title: `Headline${NUL}` } }),
        "title",
      ],
      [
        "new outlet's name with a source",
        () => createSource(owner, workspace.slug, comparison.slug, { content: { kind: "paste", text: "Another article." }, metadata: { outletName: `Daily${NUL}` } }),
        "outletName",
      ],
      ["pasted source text", () => createSource(owner, workspace.slug, comparison.slug, { content: { kind: "paste", text: `Another${NUL} article.` }, metadata: {} }), "text"],
      ["edited source text", () => updateSourceText(owner, workspace.slug, comparison.slug, source.id, { text: `Edited${NUL}`, baseRevision: 1 }), "text"],
      ["tag name", () => createTag(owner, workspace.slug, comparison.slug, { tagSetId: tagSet.id, name: `Spin${NUL}`, color: "#f5aea3" }), "name"],
      ["fact row label", () => setPassage(owner, workspace.slug, comparison.slug, { ...span("spillway"), label: `Row${NUL}` }), "label"],
      ["annotation comment", () => createAnnotation(owner, comparison.id, { ...span("spillway"), tagIds: [tag("Loaded language")], comment: `Note${NUL}` }), "comment"],
      ["reply", () => createReply(owner, comparison.id, annotation.id, { body: `Agreed${NUL}` }), "body"],
      ["workspace name", () => createWorkspace(owner, { name: `Desk${NUL}` }), "name"],
      ["account name", () => createUser({ name: `Ana${NUL}`, email: "nul.signup@example.org", password: PASSWORD }), "name"],
    ];
    for (const [what, call, field] of cases) {
      const error = await refusal(call());
      expect(error.code, what).toBe("INVALID_INPUT");
      expect(error.fieldErrors?.[field], what).toMatch(/contains a NUL character \(U\+0000\).*remove it/);
    }
    const after = await Promise.all([db().comparison.count(), db().outlet.count(), db().source.count(), db().tag.count(), db().factRow.count(), db().annotation.count(), db().reply.count(), db().workspace.count(), db().user.count(), db().sourceRevision.count()]);
    expect(after).toEqual(before);
  });

  it("over the JSON API: 400 with the message, never 500, also for a NUL in an id or a filter", async () => {
    const { owner, comparison, tag, span } = await annotatedComparison(db, "Api");
    const params = { comparisonId: comparison.id };
    const url = `/api/comparisons/${comparison.id}/annotations`;

    const comment = await api(createAnnotationRoute, owner, { url, method: "POST", params, body: { ...span("spillway"), tagIds: [tag("Loaded language")], comment: `x${NUL}y` } });
    expect(comment.status).toBe(400);
    expect(comment.body.error?.fieldErrors?.comment).toMatch(/^The comment contains a NUL character \(U\+0000\)/);

    const id = await api(createAnnotationRoute, owner, { url, method: "POST", params, body: { ...span("spillway"), sourceId: `s${NUL}`, tagIds: [tag("Loaded language")] } });
    expect(id.status).toBe(400);
    expect(id.body.error?.message).toMatch(/NUL character \(U\+0000\)/);

    const filter = await api(listAnnotationsRoute, owner, { url: `${url}?authorId=%00`, params });
    expect(filter.status).toBe(400);

    const annotation = await createAnnotation(owner, comparison.id, { ...span("spillway"), tagIds: [tag("Loaded language")] });
    const reply = await api(createReplyRoute, owner, {
      url: `${url}/${annotation.id}/replies`,
      method: "POST",
      params: { comparisonId: comparison.id, annotationId: annotation.id },
      body: { body: `ok${NUL}` },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error?.fieldErrors?.body).toMatch(/^The reply contains a NUL character/);
    expect(await db().annotation.count({ where: { comparisonId: comparison.id } })).toBe(1);
  });
});

describe("positions that split a surrogate pair (half an emoji) are refused", () => {
  it("when creating an annotation or a passage, over the API and in the services", async () => {
    const { owner, workspace, comparison, tag } = await annotatedComparison(db, "Emoji");
    const text = "Flood warning 🌊 issued at dawn for the harbour district.";
    const source = await createSource(owner, workspace.slug, comparison.slug, { content: { kind: "paste", text }, metadata: { title: "Wave" } });
    const wave = text.indexOf("🌊");
    const cut = { sourceId: source.id, revisionNumber: 1, start: wave + 1, end: text.indexOf(" issued") };

    const response = await api(createAnnotationRoute, owner, {
      url: `/api/comparisons/${comparison.id}/annotations`,
      method: "POST",
      params: { comparisonId: comparison.id },
      body: { ...cut, tagIds: [tag("Loaded language")] },
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toMatch(/splits a character in half/);

    const endCut = { ...cut, start: 0, end: wave + 1 };
    expect((await refusal(createAnnotation(owner, comparison.id, { ...endCut, tagIds: [tag("Loaded language")] }))).code).toBe("INVALID_INPUT");
    expect((await refusal(setPassage(owner, workspace.slug, comparison.slug, { ...cut, label: "Wave" }))).code).toBe("INVALID_INPUT");
    expect(await db().annotation.count({ where: { sourceId: source.id } })).toBe(0);

    // The whole emoji is fine.
    await createAnnotation(owner, comparison.id, { ...cut, start: wave, tagIds: [tag("Loaded language")] });
  });
});

describe("bidirectional controls", () => {
  it("are refused in titles and names, with a message naming the field and the character", async () => {
    const { owner, workspace, comparison } = await annotatedComparison(db, "Bidi");
    const title = await refusal(createComparison(owner, workspace.slug, { title: `Invoice ${RLO}fdp.exe` }));
    expect(title.fieldErrors?.title).toBe(
      "The title contains a right-to-left override (U+202E), an invisible character that cannot be saved: remove it and try again.",
    );
    expect((await refusal(createOutlet(owner, workspace.slug, { name: "Daily\u2067" }))).fieldErrors?.name).toMatch(/right-to-left isolate \(U\+2067\)/);
    expect((await refusal(createUser({ name: "Ana\u200f", email: "bidi.signup@example.org", password: PASSWORD }))).fieldErrors?.name).toMatch(/right-to-left mark/);
    const sourceTitle = createSource(owner, workspace.slug, comparison.slug, { content: { kind: "paste", text: "Some text." }, metadata: { title: `A${RLO}B` } });
    expect((await refusal(sourceTitle)).fieldErrors?.title).toMatch(/right-to-left override/);
  });

  it("in comments: overrides are refused, while the marks and isolates mixed-direction sentences need are kept", async () => {
    const { owner, comparison, tag, span } = await annotatedComparison(db, "Prose");
    const refused = await refusal(createAnnotation(owner, comparison.id, { ...span("spillway"), tagIds: [tag("Loaded language")], comment: `see ${RLO}evil` }));
    expect(refused.fieldErrors?.comment).toMatch(/^The comment contains a right-to-left override \(U\+202E\)/);
    const comment = "The headline calls it \u2067فيضان\u2069 (flood)\u200f.";
    const kept = await createAnnotation(owner, comparison.id, { ...span("spillway"), tagIds: [tag("Loaded language")], comment });
    expect(kept.comment).toBe(comment);
  });
});

describe("a title taken from the first line of the text", () => {
  it("loses the direction marks that the article text keeps", async () => {
    const { owner, workspace, comparison } = await annotatedComparison(db, "FirstLine");
    const text = "عنوان الخبر\u200f 2026\n\nThe body keeps its mark\u200f.";
    const source = await createSource(owner, workspace.slug, comparison.slug, { content: { kind: "paste", text }, metadata: {} });
    expect(source.title).toBe("عنوان الخبر 2026");
    expect((await db().sourceRevision.findFirstOrThrow({ where: { sourceId: source.id } })).text).toBe(text);
  });
});

describe("a W3C annotation file with a NUL character", () => {
  it("is refused, saying where, and saves nothing", async () => {
    const { owner, comparison } = await annotatedComparison(db, "W3c");
    const good = { type: "Annotation", body: { type: "TextualBody", purpose: "tagging", value: "Euphemism" }, target: { source: "https://elsewhere.example/page", selector: { type: "TextQuoteSelector", exact: "opened the spillway" } } };
    const cases: [unknown, string][] = [
      [[good, { ...good, body: [good.body, { type: "TextualBody", value: "A comment\u0000" }] }], "$[1].body[1].value"],
      [[good, { ...good, body: { ...good.body, "parallax:tagSet": "Checks\u0000" } }], "$[1].body.parallax:tagSet"],
      [[good, { ...good, target: { ...good.target, selector: { type: "TextQuoteSelector", exact: "not\u0000 there" } } }], "$[1].target.selector.exact"],
    ];
    for (const [file, where] of cases) {
      const error = await refusal(importAnnotations(owner, comparison.id, file));
      expect(error.message).toBe(`${where}: contains a NUL character (U+0000), an invisible character that cannot be saved: remove it and try again.`);
    }
    expect(await db().annotation.count({ where: { comparisonId: comparison.id } })).toBe(0);
  });
});
