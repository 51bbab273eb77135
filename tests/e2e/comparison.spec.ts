import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, keepScreenshot, signInDirectly } from "./helpers";

const corpus = path.resolve(import.meta.dirname, "../../../shared/corpus/soleimani-anniversaries");
const manifest = existsSync(corpus)
  ? (JSON.parse(readFileSync(path.join(corpus, "manifest.json"), "utf8")) as { documents: { file: string; outlet: string; published: string }[] })
  : null;

/** Selects words in one outlet's column through its "Find words" box: the keyboard way. */
async function selectWords(page: Page, outlet: string, words: string) {
  await page.getByLabel(`Find words in ${outlet}`).fill(words);
  await page.getByRole("button", { name: `Select in ${outlet}` }).click();
  await expect(page.getByRole("region", { name: "Selected passage" })).toContainText(`${outlet}:`);
}

async function addToRow(page: Page, row: string | { label: string }) {
  const panel = page.getByRole("region", { name: "Selected passage" });
  if (typeof row === "string") {
    await panel.getByLabel("Fact row", { exact: true }).selectOption({ label: row });
  } else {
    await panel.getByLabel("Fact row", { exact: true }).selectOption({ label: "New fact row…" });
    await panel.getByLabel("Label of the new fact row").fill(row.label);
  }
  await panel.getByRole("button", { name: "Add to fact row" }).click();
  await expect(panel.getByText(/^Added .* passage to/)).toBeVisible();
}

test.describe("comparing the corpus articles", () => {
  test.skip(!manifest, "the shared corpus is not beside this checkout");

  test("an editor uploads five articles, lines up two facts, accepts a suggestion and sees the word differences", async ({ page }) => {
    test.setTimeout(180_000);
    await signInDirectly(page, DEMO.email, DEMO.password);
    await page.goto("/w/demo-newsroom");
    await page.getByLabel("Title").fill("Soleimani anniversaries");
    await page.getByLabel("Event date (optional)").fill("2020-01-03");
    await page.getByRole("button", { name: "Create comparison" }).click();
    await expect(page).toHaveURL(/\/c\/soleimani-anniversaries\/sources$/);

    for (const [index, doc] of manifest!.documents.entries()) {
      await page.getByText("Upload a file").click();
      await page.getByLabel(/^File \(/).setInputFiles(path.join(corpus, doc.file));
      await page.getByLabel("Title", { exact: true }).fill(doc.file.replace(/\.txt$/, ""));
      const outlet = page.getByLabel("Outlet", { exact: true });
      if (await outlet.locator("option", { hasText: doc.outlet }).count()) await outlet.selectOption({ label: doc.outlet });
      else {
        await outlet.selectOption({ label: "New outlet…" });
        await page.getByLabel("New outlet's name").fill(doc.outlet);
      }
      const date = doc.published.match(/^\d{4}-\d{2}-\d{2}/)?.[0];
      if (date) await page.getByLabel("Publication date").fill(date);
      await page.getByRole("button", { name: "Add source" }).click();
      await expect(page.getByRole("table").getByRole("row")).toHaveCount(index + 2);
      await expect(page.getByText("Source added.")).toBeVisible();
    }

    await page.getByRole("link", { name: "Side by side" }).click();
    await selectWords(page, "Firstpost", "killed in a US drone strike in Iraq in 2020");
    await addToRow(page, { label: "How the strike is named" });
    await selectWords(page, "The Cradle", "Washington’s illegal assassination");
    await addToRow(page, "How the strike is named");

    // Suggestions for the fact itself (a framing phrase alone shares too little with the
    // other outlets' sentences to pass the minimum score).
    await selectWords(page, "Firstpost", "killed in a US drone strike in Iraq in 2020");
    const panel = page.getByRole("region", { name: "Selected passage" });
    await panel.getByRole("button", { name: "Suggest matching passages" }).click();
    const accept = panel.getByRole("button", { name: /Accept for “How the strike is named” from The New Arab/ }).first();
    await expect(accept).toBeVisible();
    await expect(panel.getByText(/\d+% similar/).first()).toBeVisible();
    await accept.click();
    await expect(panel.getByText("Added The New Arab’s passage to “How the strike is named”.")).toBeVisible();

    await selectWords(page, "Firstpost", "Revolutionary Guards commander");
    await addToRow(page, { label: "How Soleimani is described" });
    await selectWords(page, "The Cradle", "anti-imperialist hero");
    await addToRow(page, "How Soleimani is described");
    await selectWords(page, "Iran International", "IRGC general");
    await addToRow(page, "How Soleimani is described");

    await page.getByRole("link", { name: "Fact rows" }).click();
    const strike = page.getByRole("region", { name: "How the strike is named" });
    await expect(strike.getByText("Reported by 3 of 5 sources")).toBeVisible();
    await expect(strike.getByText("Not reported")).toHaveCount(2);
    await expect(strike.locator("mark.diff--changed").first()).toBeVisible();
    const terms = strike.getByLabel("Differing terms in “How the strike is named”");
    await expect(terms).toContainText("The Cradle");
    await expect(terms).toContainText("assassination");
    const described = page.getByRole("region", { name: "How Soleimani is described" });
    await expect(described.getByText("Reported by 3 of 5 sources")).toBeVisible();
    await expect(described.locator(".cell__text", { hasText: "anti-imperialist hero" })).toBeVisible();
    await keepScreenshot(page, "fact-rows", { fullPage: true });
  });

  test("the command line imports the corpus into the database the app serves", async ({ page }) => {
    test.skip(!process.env.E2E_DATABASE_URL, "the embedded database is held by the running app; the CLI shares a Postgres server with it");
    const run = spawnSync("npm", ["run", "cli", "--", "import", corpus, "--workspace", "demo-newsroom", "--comparison", "soleimani-anniversaries", "--allow-duplicates"], {
      env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
      encoding: "utf8",
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("5 imported, 0 skipped, 0 failed");
    await signInDirectly(page, DEMO.email, DEMO.password);
    await page.goto("/w/demo-newsroom/c/soleimani-anniversaries/sources");
    await expect(page.getByRole("table").getByRole("row")).toHaveCount(11);
  });
});
