import { expect, test } from "@playwright/test";
import { DEMO, keepScreenshot, pasteSource, signInDirectly } from "./helpers";

const DEMO_COMPARISON = "/w/demo-newsroom/c/marrowick-barrier-flood";

test("Find words matches whatever quote, apostrophe, dash and spacing style the page uses, and selects the page's own characters", async ({ page }) => {
  await signInDirectly(page, DEMO.email, DEMO.password);
  await page.goto("/w/demo-newsroom");
  await page.getByLabel("Title").fill(`Typesetting ${Date.now()}`);
  await page.getByRole("button", { name: "Create comparison" }).click();
  await expect(page).toHaveURL(/\/sources$/);
  // Invented text, typeset as a newspaper would: curly apostrophe and quotes, an em dash, a line break.
  const text = "Crews worked overnight.\nThe mayor’s office called it a “water release” — nothing\nmore. Café owners disagreed.";
  await pasteSource(page, { text, title: "Harbour notes", outlet: "Town Crier" });
  await expect(page.getByText("Source added.")).toBeVisible();

  await page.getByRole("link", { name: "Side by side" }).click();
  const find = page.getByLabel("Find words in Town Crier");
  await find.fill(`mayor's office called it a "water release" - nothing more`);
  await find.press("Enter");
  const panel = page.getByRole("region", { name: "Selected passage" });
  await expect(panel).toContainText("Town Crier: “mayor’s office called it a “water release” — nothing\nmore”");
  await expect(page.locator("[data-selected]").first()).toContainText("mayor’s");

  await find.fill("cafe OWNERS");
  await page.getByRole("button", { name: "Select in Town Crier" }).click();
  await expect(panel).toContainText("Town Crier: “Café owners”");

  await page.getByRole("link", { name: "Annotate" }).click();
  const annotateFind = page.getByLabel("Find words to annotate");
  await annotateFind.fill("mayor's office");
  await annotateFind.press("Enter");
  await expect(page.getByText("does not occur")).toHaveCount(0);
  await expect(page.locator("mark.hl--selected").first()).toContainText("mayor’s office");
});

test("the Terms strip names the words that differ, against a base the editor chooses or each outlet against all", async ({ page }) => {
  await signInDirectly(page, DEMO.email, DEMO.password);
  await page.goto(`${DEMO_COMPARISON}/fact-rows`);
  await expect(page.getByText(/entirely/)).toHaveCount(0);

  const hurt = page.getByRole("region", { name: "People hurt" });
  const terms = hurt.getByRole("group", { name: "Differing terms in “People hurt”" });
  await expect(terms.getByRole("heading", { name: "Terms against Coastline Wire" })).toBeVisible();
  await expect(terms).toContainText(/treated → +replaced by taken/);
  await expect(hurt.locator("mark.diff--changed", { hasText: "taken" })).toBeVisible();

  // The base is chosen once for the page, and kept in the address.
  const base = page.getByLabel("Compare wording with");
  await base.focus();
  await base.selectOption({ label: "The Marrowick Clarion" });
  await expect(page).toHaveURL(/\?base=/);
  await expect(terms.getByRole("heading", { name: "Terms against The Marrowick Clarion" })).toBeVisible();
  await expect(terms).toContainText(/victims → +replaced by people/);
  await expect(terms).toContainText(/rushed → +replaced by treated/);
  await expect(hurt.getByText("base", { exact: true })).toBeVisible();

  await base.selectOption({ label: "each outlet against all" });
  await expect(page).toHaveURL(/\?base=all$/);
  const table = terms.getByRole("table", { name: "Wording of each outlet where the outlets differ in “People hurt”" });
  await expect(table).toBeVisible();
  const place = table.getByRole("row").filter({ hasText: "treated" }).filter({ hasNotText: "paraphrased" });
  await expect(place).toContainText("taken");
  await expect(place).toContainText("rushed");
  await page.reload();
  await expect(page.getByLabel("Compare wording with")).toHaveValue("all");
  await expect(page.getByText(/entirely/)).toHaveCount(0);
  await keepScreenshot(page, "terms-each-against-all", { fullPage: true });
});

test("the report's Term choice names the words each outlet uses", async ({ page }) => {
  await signInDirectly(page, DEMO.email, DEMO.password);
  await page.goto(`${DEMO_COMPARISON}/report`);
  const termChoice = page.getByRole("region", { name: "Term choice" });
  await expect(termChoice).toContainText("Differs: “treated” → “taken”");
  await expect(termChoice).toContainText("Paraphrased");
  await expect(termChoice.getByText(/entirely/)).toHaveCount(0);
  await keepScreenshot(termChoice, "report-term-choice");
});
