import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, keepScreenshot, pasteSource, signInDirectly } from "./helpers";

/** Invented text with astral characters (🌊, 𝔐) before the spans: UTF-16 units and code points part there. */
const TEXT = "Flood 🌊 in 𝔐arrowick: officials blame the traitors.\n\nThe so-called experts failed us again, the mayor said.";
const offsets = (words: string) => ({ start: TEXT.indexOf(words), end: TEXT.indexOf(words) + words.length });
const codePoints = (words: string) => {
  const before = [...TEXT.slice(0, TEXT.indexOf(words))].length;
  return [before, before + [...words].length];
};

/** A comparison of the demo workspace with the text as its one source; returns its report page's path. */
async function comparisonWithText(page: Page, title: string) {
  await page.goto("/w/demo-newsroom");
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create comparison" }).click();
  await expect(page).toHaveURL(/\/sources$/);
  await pasteSource(page, { text: TEXT, title: "Flood notes", outlet: "Town Crier" });
  await expect(page.getByText("Source added.")).toBeVisible();
  return page.url().replace(/\/sources.*$/, "/report");
}

async function importFile(page: Page, format: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  const form = page.getByRole("region", { name: "Import a labelled corpus" });
  // The segmented control draws its label over the radio: click the label, as a person does.
  await form.getByText(format, { exact: true }).click();
  await expect(form.getByLabel(format)).toBeChecked();
  await form.getByLabel(/^Files?$/).setInputFiles(file);
  await form.getByRole("button", { name: "Import" }).click();
  return form.getByRole("status");
}

test("a researcher imports Label Studio annotations, exports them as doccano JSONL and re-imports that file into another comparison", async ({ page }) => {
  test.setTimeout(120_000);
  await signInDirectly(page, DEMO.email, DEMO.password);
  const stamp = Date.now();
  const first = await comparisonWithText(page, `Corpus first ${stamp}`);
  await page.goto(first);

  // Label Studio counts UTF-16 units; its completed_by names the demo editor, a member.
  const tasks = [
    {
      id: 1,
      data: { text: TEXT },
      annotations: [
        {
          completed_by: { id: 9, email: DEMO.email, first_name: "Dana", last_name: "Demo" },
          result: [
            { id: "a", from_name: "persuasion-techniques", to_name: "text", type: "labels", value: { ...offsets("traitors"), text: "traitors", labels: ["Name calling/labeling"] } },
            { id: "b", from_name: "persuasion-techniques", to_name: "text", type: "labels", value: { ...offsets("so-called experts"), text: "so-called experts", labels: ["Doubt"] } },
            { id: "c", from_name: "sentiment", to_name: "text", type: "choices", value: { choices: ["Negative"] } },
          ],
        },
      ],
    },
  ];
  const imported = await importFile(page, "Label Studio JSON", { name: "tasks.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(tasks)) });
  await expect(imported).toContainText("2 annotations imported from the Label Studio JSON: 2 anchored exactly, 0 fuzzily, 0 orphaned");
  await expect(imported).toContainText("1 skipped ($[0].annotations[0].result[2]: results of type “choices” are not imported");

  // The export menu's doccano link: offsets in code points, as Python slices the text.
  await page.reload();
  const downloading = page.waitForEvent("download");
  await page.getByRole("list", { name: "Download this report" }).getByRole("link", { name: "doccano" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^corpus-first-\d+\.doccano\.jsonl$/);
  const jsonl = await readFile((await download.path())!, "utf8");
  const row = JSON.parse(jsonl) as { text: string; label: [number, number, string][] };
  expect(row.text).toBe(TEXT);
  expect(row.label).toEqual([
    [...codePoints("traitors"), "Name calling/labeling"],
    [...codePoints("so-called experts"), "Doubt"],
  ]);

  // The same file into another comparison of the same text: the same spans and tags.
  const second = await comparisonWithText(page, `Corpus second ${stamp}`);
  await page.goto(second);
  const reimported = await importFile(page, "doccano JSONL", { name: download.suggestedFilename(), mimeType: "application/jsonl", buffer: Buffer.from(jsonl) });
  await expect(reimported).toContainText("2 annotations imported from the doccano JSONL: 2 anchored exactly, 0 fuzzily, 0 orphaned");
  await keepScreenshot(page.getByRole("region", { name: "Import a labelled corpus" }), "corpus-import");
  const comparisonId = await page.getByRole("region", { name: "Import a labelled corpus" }).locator('input[name="comparisonId"]').inputValue();
  const exported = await page.request.get(`/api/comparisons/${comparisonId}/export?format=doccano`);
  expect(JSON.parse(await exported.text())).toMatchObject({ text: TEXT, label: row.label });

  // The first comparison's PTC zip, uploaded here: the same techniques on the same words are already there.
  const firstId = first.match(/\/c\/([^/]+)\/report$/)![1]!;
  const listed = (await (await page.request.get("/api/workspaces/demo-newsroom/comparisons")).json()) as { comparisons: { id: string; slug: string }[] };
  const zip = await page.request.get(`/api/comparisons/${listed.comparisons.find((c) => c.slug === firstId)!.id}/export?format=ptc`);
  expect(zip.headers()["content-type"]).toBe("application/zip");
  const ptc = await importFile(page, "Propaganda-technique corpus", { name: "first.ptc.zip", mimeType: "application/zip", buffer: await zip.body() });
  await expect(ptc).toContainText("0 annotations imported from the propaganda-technique corpus (PTC) folder");
  await expect(ptc).toContainText("2 skipped (article1.labels.tsv:1: the same annotation (words, author, comment and tags) is already in the comparison");

  // A malformed file saves nothing and says where.
  const refused = page.getByRole("region", { name: "Import a labelled corpus" });
  await refused.getByText("doccano JSONL", { exact: true }).click();
  await refused.getByLabel(/^Files?$/).setInputFiles({ name: "bad.jsonl", mimeType: "application/jsonl", buffer: Buffer.from(`{"text": "abc", "label": [[0, 9, "Doubt"]]}\n`) });
  await refused.getByRole("button", { name: "Import" }).click();
  await expect(refused.getByRole("alert")).toContainText("line 1, label[0]: the span 0–9 does not fit the text (3 code points");
});
