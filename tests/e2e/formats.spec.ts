import { expect, test } from "@playwright/test";
import { DEMO, signInDirectly } from "./helpers";

interface Listed {
  id: string;
  version: number;
  author: { name: string };
  comment: string | null;
  target: { exact: string; start: number; end: number };
  tags: { name: string }[];
}

test("an annotator exports the demo comparison as WebAnno TSV and brings a deleted annotation back by importing it", async ({ page }, testInfo) => {
  await signInDirectly(page, DEMO.email, DEMO.password);
  const listed = await page.request.get("/api/workspaces/demo-newsroom/comparisons");
  const [comparison] = ((await listed.json()) as { comparisons: { id: string; slug: string }[] }).comparisons;
  const annotationsUrl = `/api/comparisons/${comparison!.id}/annotations`;
  const list = async () => ((await (await page.request.get(`${annotationsUrl}?limit=200`)).json()) as { annotations: Listed[] }).annotations;
  const mine = (await list()).find((a) => a.author.name === DEMO.name && a.comment)!;
  const same = (a: Listed) => [a.author.name, a.comment, a.target.exact, a.target.start, a.target.end, a.tags.map((t) => t.name)];

  await page.goto(`/w/demo-newsroom/c/${comparison!.slug}/report`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "WebAnno TSV (zip)" }).click()]);
  expect(download.suggestedFilename()).toBe(`${comparison!.slug}-webanno.zip`);
  const zip = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(zip);

  expect((await page.request.delete(`${annotationsUrl}/${mine.id}?version=${mine.version}`)).status()).toBe(204);
  expect((await list()).some((a) => a.id === mine.id)).toBe(false);

  const form = page.getByRole("region", { name: "Import annotations" });
  await form.getByLabel("Format").selectOption("webanno");
  await form.getByLabel("Files").setInputFiles(zip);
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("status")).toContainText(/^Imported 1 annotation: 1 anchored exactly, 0 fuzzily, 0 orphaned/);
  await expect(form.getByRole("status")).toContainText("already in the comparison");

  const back = (await list()).filter((a) => JSON.stringify(same(a)) === JSON.stringify(same(mine)));
  expect(back).toHaveLength(1);
  expect(back[0]!.id).not.toBe(mine.id);

  // The same file again adds nothing: everything in it is there.
  await form.getByLabel("Files").setInputFiles(zip);
  await form.getByRole("button", { name: "Import" }).click();
  await expect(form.getByRole("status")).toContainText(/^Imported 0 annotations/);
});
