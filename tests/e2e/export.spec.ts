import { expect, test } from "@playwright/test";
import { DEMO, signInDirectly, signOut } from "./helpers";

const DEMO_WORKSPACE = "demo-newsroom";

test("a signed-in member downloads the demo comparison in every export format", async ({ page }) => {
  await signInDirectly(page, DEMO.email, DEMO.password);
  const listed = await page.request.get(`/api/workspaces/${DEMO_WORKSPACE}/comparisons`);
  const [comparison] = ((await listed.json()) as { comparisons: { id: string; slug: string; title: string }[] }).comparisons;
  const url = (query: string) => `/api/comparisons/${comparison!.id}/export?${query}`;

  const csv = await page.request.get(url("format=csv"));
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8; header=present");
  expect(csv.headers()["content-disposition"]).toBe(`attachment; filename="${comparison!.slug}.csv"`);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain("annotation_id,source_title,outlet,");

  const jsonld = await page.request.get(url("format=jsonld"));
  expect(jsonld.headers()["content-disposition"]).toBe(`attachment; filename="${comparison!.slug}.jsonld"`);
  const collection = (await jsonld.json()) as { type: string; label: string; total: number; first: { items: { target: { source: { id: string } } }[] } };
  expect(collection).toMatchObject({ type: "AnnotationCollection", label: comparison!.title });
  expect(collection.first.items).toHaveLength(collection.total);
  // A source address in the file opens that source's page, at the revision the selectors count in.
  const source = new URL(collection.first.items[0]!.target.source.id);
  const revision = source.searchParams.get("revision");
  await page.goto(source.pathname + source.search);
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`revision ${revision}\\b`, "i") })).toBeVisible();

  const markdown = await page.request.get(url("format=md"));
  expect(markdown.headers()["content-type"]).toBe("text/markdown; charset=utf-8");
  expect(await markdown.text()).toContain(comparison!.title);

  const pdf = await page.request.get(url("format=pdf"));
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

  const unknown = await page.request.get(url("format=docx"));
  expect(unknown.status()).toBe(400);
  expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain("choose one of csv, jsonld, md, pdf");

  await signOut(page);
  expect((await page.request.get(url("format=csv"))).status()).toBe(401);
});
