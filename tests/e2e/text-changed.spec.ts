import { expect, type Page } from "@playwright/test";
import { DEMO, signInDirectly, test } from "./helpers";

async function openDemoComparison(page: Page) {
  await page.goto("/w/demo-newsroom");
  await page.getByRole("list", { name: "Comparisons" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/c\/[^/]+$/);
  return page.url();
}

function card(page: Page, words: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("button", { name: `“${words}”` }) });
}

test("an edit changes an annotation's words: its card says so, with the words before and after, until the author clears it", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await (await browser.newContext()).newPage();
  await signInDirectly(page, DEMO.email, DEMO.password);
  const base = await openDemoComparison(page);
  await page.goto(`${base}/annotate`);

  // Six words of the first source, annotated; then the source's text is edited so the middle one changes.
  const source = (await page.locator(".annotated-text").textContent()) ?? "";
  const words = source.split(/\s+/).slice(20, 26);
  const quote = words.join(" ");
  const edited = [...words.slice(0, 3), "zebra", ...words.slice(4)].join(" ");
  await page.getByLabel("Find words to annotate").fill(quote);
  await page.getByRole("button", { name: "Select", exact: true }).click();
  const form = page.getByRole("region", { name: "New annotation" });
  await form.getByLabel("Find a tag").fill("Loaded language");
  await form.getByRole("group", { name: "Framing devices" }).getByLabel("Loaded language", { exact: true }).check();
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(page.getByText("Annotation saved.")).toBeVisible();

  await page.goto(`${base}/sources`);
  await page.getByRole("table").getByRole("link").first().click();
  await page.getByRole("button", { name: "Edit text" }).click();
  const text = page.getByLabel(/Text of revision/);
  const before = await text.inputValue();
  expect(before).toContain(quote);
  await text.fill(before.replace(quote, edited));
  await page.getByRole("button", { name: "Save as new revision" }).click();
  await expect(page.getByText(/Saved as revision \d+/)).toBeVisible();

  // A second tab of the annotate view, to see the mark cleared live.
  const other = await page.context().newPage();
  await other.goto(`${base}/annotate`);
  await page.goto(`${base}/annotate`);
  const mark = card(page, edited).getByRole("status", { name: "Text changed — check the tags" });
  await expect(mark).toBeVisible();
  await expect(mark).toContainText(`Before“${quote}”`);
  await expect(mark).toContainText(`Now“${edited}”`);
  await expect(card(other, edited).getByRole("status", { name: "Text changed — check the tags" })).toBeVisible();
  await expect(other.getByText("Live: others' changes appear here")).toBeVisible();

  await mark.getByRole("button", { name: "Tags checked — clear the mark" }).click();
  await expect(mark).toHaveCount(0);
  await expect(card(other, edited).getByRole("status", { name: "Text changed — check the tags" })).toHaveCount(0, { timeout: 5_000 });
  await page.reload();
  await expect(card(page, edited)).toBeVisible();
  await expect(card(page, edited).getByRole("status", { name: "Text changed — check the tags" })).toHaveCount(0);
});
