import { describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/comparisons/[comparisonId]/export/route";
import { csvRecords } from "@/lib/domain/export/test-fixtures";
import { ANNO_CONTEXT } from "@/lib/domain/export/web-annotation";
import { DEMO_ACCOUNT, DEMO_WORKSPACE } from "@/lib/server/seed/demo-account";
import { seedDemoOnce } from "@/lib/server/seed/seed-demo";
import { openAnnotationExport } from "@/lib/server/export/export-annotations";
import { exportComparison, type ExportFormat } from "@/lib/server/export/export-comparison";
import { createApiToken } from "@/lib/server/services/api-tokens/create-api-token";
import { mustFailures } from "@/tests/helpers/w3c-annotation-model";
import { corpusComparison } from "./helpers/corpus-comparison";
import { addMember, ownerWithWorkspace, signUp } from "./helpers/factories";
import { setupTestDb } from "./helpers/setup-test-db";

vi.mock("@/lib/server/auth/session", () => ({ getSessionUser: vi.fn(async () => null) }));

const db = setupTestDb();
const ORIGIN = "http://parallax.test";

interface Collection {
  "@context": unknown;
  id: string;
  type: string;
  label: string;
  total: number;
  first?: { type: string; items: Item[] };
}
interface Item {
  id: string;
  creator: { name: string };
  body: { purpose: string; value?: string; source?: string; [key: string]: unknown }[];
  target: { source: { id: string; [key: string]: unknown }; selector: { type: string; exact?: string; start?: number; end?: number }[] };
  [key: string]: unknown;
}

async function exportText(actor: { id: string }, comparisonId: string, format: ExportFormat, filters = {}) {
  const file = await exportComparison(actor, comparisonId, format, { origin: ORIGIN, filters });
  return { ...file, text: await textOf(file.body) };
}

/** The body as text, byte order mark included (Response.text() would drop it). */
async function textOf(body: ReadableStream<Uint8Array> | null) {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await new Response(body).arrayBuffer());
}

async function exportCollection(actor: { id: string }, comparisonId: string, filters = {}) {
  return JSON.parse((await exportText(actor, comparisonId, "jsonld", filters)).text) as Collection;
}

/** The W3C MUST assertions every exported annotation failed, by annotation id (none expected). */
function failuresOf(collection: Collection) {
  const failures = (collection.first?.items ?? []).map((item) => [item.id, mustFailures(item)] as const);
  return Object.fromEntries(failures.filter(([, found]) => found.length > 0));
}

describe("JSON-LD export", () => {
  it("writes the demo comparison as an AnnotationCollection whose every annotation passes the W3C MUST assertions", async () => {
    await seedDemoOnce();
    const demo = await db().user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNT.email } });
    const comparison = await db().comparison.findFirstOrThrow({ where: { workspace: { slug: DEMO_WORKSPACE.slug } } });
    const collection = await exportCollection(demo, comparison.id);
    const stored = await db().annotation.count({ where: { comparisonId: comparison.id, deletedAt: null, hiddenAt: null } });
    expect(stored).toBeGreaterThan(0);
    expect(collection).toMatchObject({ type: "AnnotationCollection", label: comparison.title, total: stored, first: { type: "AnnotationPage" } });
    expect(collection["@context"]).toEqual([ANNO_CONTEXT, expect.any(Object)]);
    expect(collection.first!.items).toHaveLength(stored);
    expect(failuresOf(collection)).toEqual({});
  });

  it("writes the corpus comparison's tricky annotations conformant and complete, without hidden or deleted ones", async () => {
    const fixture = await corpusComparison(db);
    const collection = await exportCollection(fixture.owner, fixture.comparison.id);
    expect(collection.total).toBe(fixture.annotations.length);
    expect(fixture.annotations[3]!.target.exact).toMatch(/\p{Regional_Indicator}/u);
    expect(failuresOf(collection)).toEqual({});
    const ids = collection.first!.items.map((item) => item.id.split("/").at(-1));
    expect(ids.sort()).toEqual(fixture.annotations.map((a) => a.id).sort());

    const byId = new Map(collection.first!.items.map((item) => [item.id.split("/").at(-1)!, item]));
    for (const annotation of fixture.annotations) {
      const item = byId.get(annotation.id)!;
      const source = fixture.sources.find((s) => s.id === annotation.sourceId)!;
      expect(item.target.selector).toEqual([
        { type: "TextQuoteSelector", exact: annotation.target.exact, prefix: annotation.target.prefix, suffix: annotation.target.suffix },
        // Code points, as the model requires: the corpus has emoji before some of these spans.
        { type: "TextPositionSelector", start: [...source.text.slice(0, annotation.target.start)].length, end: [...source.text.slice(0, annotation.target.end)].length },
      ]);
      expect(source.text.slice(annotation.target.start, annotation.target.end)).toBe(annotation.target.exact);
      expect(item.target.source).toMatchObject({
        id: `${ORIGIN}/w/${fixture.workspace.slug}/c/${fixture.comparison.slug}/sources/${source.id}?revision=1`,
        "dcterms:title": source.title,
        "schema:publisher": source.outlet,
      });
      expect(item.creator.name).toBe(annotation.author.name);
      expect(item.body.filter((b) => b.purpose === "tagging").map((b) => b.value).sort()).toEqual(annotation.tags.map((t) => t.name).sort());
      expect(item.body.find((b) => b.purpose === "commenting")?.value ?? null).toBe(annotation.comment);
    }
    const quotedClaim = byId.get(fixture.annotations[0]!.id)!;
    expect(quotedClaim.body.find((b) => b.purpose === "assessing")).toMatchObject({
      "parallax:claimAsserter": "quoted party",
      "parallax:assertedBy": "a spokesman, “quoted”",
      "parallax:claimStatus": "disputed",
    });
    expect(quotedClaim.body.filter((b) => b.purpose === "linking").map((b) => b.source)).toEqual([
      "https://example.org/fact-check/1",
      "https://example.org/v%C3%A9rification/%C3%9F",
    ]);
  });

  it("refuses non-members as not found, lets viewers export, and narrows by the report's filters", async () => {
    const fixture = await corpusComparison(db);
    const outsider = await signUp("Outsider");
    await expect(exportComparison(outsider, fixture.comparison.id, "csv", { origin: ORIGIN })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const viewer = await signUp("Viewer");
    await addMember(fixture.owner, fixture.workspace.slug, { email: viewer.email, role: "VIEWER" });
    expect((await exportCollection(viewer, fixture.comparison.id)).total).toBe(fixture.annotations.length);

    const byReviewer = await exportCollection(fixture.owner, fixture.comparison.id, { reviewerIds: [fixture.reviewer.id] });
    expect(byReviewer.first!.items.map((i) => i.creator.name)).toEqual(["Zoë Ñúñez", "Zoë Ñúñez", "Zoë Ñúñez"]);

    const frameSet = await db().tagSet.findFirstOrThrow({ where: { comparisonId: fixture.comparison.id, key: "frame-dimensions" } });
    const framed = await exportCollection(fixture.owner, fixture.comparison.id, { tagSetIds: [frameSet.id] });
    expect(framed.total).toBe(3);
    for (const item of framed.first!.items) {
      expect(item.body.filter((b) => b.purpose === "tagging").every((b) => b["parallax:tagSet"] === frameSet.name)).toBe(true);
    }
    expect(framed.id).toBe(`${ORIGIN}/api/comparisons/${fixture.comparison.id}/export?format=jsonld&tagSet=${frameSet.id}`);

    const firstOutlet = await db().source.findFirstOrThrow({ where: { id: fixture.sources[0]!.id }, select: { outletId: true } });
    const oneOutlet = await exportCollection(fixture.owner, fixture.comparison.id, { outletIds: [firstOutlet.outletId!] });
    expect(oneOutlet.first!.items.map((i) => i.target.source["schema:publisher"])).toEqual([fixture.sources[0]!.outlet]);

    const none = await exportCollection(fixture.owner, fixture.comparison.id, { from: new Date("2001-01-01"), to: new Date("2001-01-02") });
    expect(none.total).toBe(0);
  });
});

describe("CSV export", () => {
  it("writes one documented row per annotation that reads back exactly", async () => {
    const fixture = await corpusComparison(db);
    const file = await exportText(fixture.owner, fixture.comparison.id, "csv");
    expect(file.filename).toBe(`${fixture.comparison.slug}.csv`);
    expect(file.text.startsWith("\uFEFFannotation_id,")).toBe(true);
    const rows = csvRecords(file.text);
    expect(rows.map((r) => r.annotation_id).sort()).toEqual(fixture.annotations.map((a) => a.id).sort());
    const row = (i: number) => rows.find((r) => r.annotation_id === fixture.annotations[i]!.id)!;
    expect(row(0)).toMatchObject({
      outlet: fixture.sources[0]!.outlet,
      quote: fixture.annotations[0]!.target.exact,
      tags: "Loaded language; Security and defense; Loaded language",
      tag_sets: "Framing devices; Frame dimensions; Persuasion techniques",
      comment: `'=Compare "this" wording,\nthen the next outlet's.`,
      claim: "yes",
      claim_asserter: "quoted party",
      asserted_by: "a spokesman, “quoted”",
      claim_status: "disputed",
      evidence_urls: "https://example.org/fact-check/1; https://example.org/vérification/ß",
      author: "Corpus Editor",
      anchor_status: "exact",
    });
    expect(row(1)).toMatchObject({ comment: "", claim: "no", claim_status: "", evidence_urls: "" });
    expect(row(3)).toMatchObject({ author: "Zoë Ñúñez", quote: fixture.annotations[3]!.target.exact });
    expect(row(4)).toMatchObject({ comment: "'-2 points for vagueness", claim_asserter: "outlet", claim_status: "supported" });
    for (const r of rows) {
      expect(Number(r.end) - Number(r.start)).toBe(fixture.annotations.find((a) => a.id === r.annotation_id)!.target.exact.length);
      expect(new Date(r.created!).toISOString()).toBe(r.created);
    }
  });
});

describe("streaming", () => {
  it("reads the annotations in keyset-paged batches in text order, each exactly once", async () => {
    const fixture = await corpusComparison(db);
    const collect = async (batchSize: number) => {
      const { batches } = await openAnnotationExport(fixture.owner, fixture.comparison.id, {}, { batchSize });
      const sizes: number[] = [];
      const order: string[] = [];
      for await (const batch of batches) {
        sizes.push(batch.length);
        order.push(...batch.map((a) => a.id));
      }
      return { sizes, order };
    };
    const whole = await collect(500);
    const paged = await collect(1);
    expect(paged.order).toEqual(whole.order);
    expect(paged.sizes.every((size) => size === 1)).toBe(true);
    expect(new Set(paged.order).size).toBe(fixture.annotations.length);
    const position = new Map(fixture.sources.map((s, i) => [s.id, i]));
    const sorted = [...fixture.annotations].sort(
      (a, b) => position.get(a.sourceId)! - position.get(b.sourceId)! || a.target.start - b.target.start || (a.id < b.id ? -1 : 1),
    );
    expect(whole.order).toEqual(sorted.map((a) => a.id));
  });
});

describe("GET /api/comparisons/{id}/export", () => {
  async function get(comparisonId: string, query: string, token?: string) {
    const headers = token ? { authorization: `Bearer ${token}` } : undefined;
    return GET(new Request(`http://localhost/api/comparisons/${comparisonId}/export?${query}`, { headers }), {
      params: Promise.resolve({ comparisonId }),
    });
  }

  it("answers with a streamed attachment named after the comparison, and clear errors", async () => {
    const { owner, workspace } = await ownerWithWorkspace("Route Owner");
    const { token } = await createApiToken(owner, { name: "export test" });
    const comparison = await db().comparison.create({ data: { workspaceId: workspace.id, slug: "bridge-closure", title: "Bridge closure", createdById: owner.id } });

    const csv = await get(comparison.id, "format=csv", token);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="bridge-closure.csv"');
    expect(await textOf(csv.body)).toBe("\uFEFF" + "annotation_id,source_title,outlet,source_url,source_revision,quote,start,end,tags,tag_sets,comment,claim,claim_asserter,asserted_by,claim_status,evidence_urls,author,created,modified,anchor_status,links_to,linked_from,curated\r\n");

    const jsonld = await get(comparison.id, "format=jsonld", token);
    expect(jsonld.headers.get("content-type")).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    expect(jsonld.headers.get("content-disposition")).toBe('attachment; filename="bridge-closure.jsonld"');
    expect(await jsonld.json()).toMatchObject({ type: "AnnotationCollection", label: "Bridge closure", total: 0 });

    const markdown = await get(comparison.id, "format=md", token);
    expect(markdown.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(markdown.headers.get("content-disposition")).toBe('attachment; filename="bridge-closure.md"');
    expect(await markdown.text()).toContain("Bridge closure");

    const pdf = await get(comparison.id, "format=pdf", token);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe('attachment; filename="bridge-closure.pdf"');
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const unknown = await get(comparison.id, "format=xlsx", token);
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toBe("“xlsx” is not an export format: choose one of csv, jsonld, md, pdf, brat, webanno, labelstudio, doccano, ptc.");
    expect((await get(comparison.id, "", token)).status).toBe(400);
    expect((await get(comparison.id, "format=csv&colour=red", token)).status).toBe(400);
    expect((await get(comparison.id, "format=csv&from=yesterday", token)).status).toBe(400);
    expect((await get(comparison.id, "format=csv")).status).toBe(401);
    const outsider = await signUp("Route Outsider");
    expect((await get(comparison.id, "format=csv", (await createApiToken(outsider, { name: "x" })).token)).status).toBe(404);
  });
});
