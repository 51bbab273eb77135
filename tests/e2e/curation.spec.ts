import { expect, type Browser, type Page } from "@playwright/test";
import { acceptInvitation, DEMO, invite, signInDirectly, signUp, test, uniqueEmail } from "./helpers";

async function reviewer(browser: Browser, owner: Page, name: string) {
  const page = await (await browser.newContext()).newPage();
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "."));
  await signUp(page, name, email, "curation passphrase");
  await acceptInvitation(page, await invite(owner, "demo-newsroom", email, "REVIEWER"), "Demo newsroom");
  return page;
}

async function annotate(page: Page, words: string, tag: string) {
  await page.getByLabel("Find words to annotate").fill(words);
  await page.getByRole("button", { name: "Select", exact: true }).click();
  const form = page.getByRole("region", { name: "New annotation" });
  await expect(form).toContainText(words);
  await form.getByLabel("Find a tag").fill(tag);
  await form.getByRole("group", { name: "Framing devices" }).getByLabel(tag, { exact: true }).check();
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(page.getByText("Annotation saved.")).toBeVisible();
}

test("an editor curates two reviewers' annotations in the merge view, the report counts the curated layer only, and it becomes a class key", async ({ browser }) => {
  test.setTimeout(360_000);
  const owner = await (await browser.newContext()).newPage();
  await signInDirectly(owner, DEMO.email, DEMO.password);
  // Names of their own, so a rerun on the same data finds this run's columns.
  const run = Date.now().toString(36);
  const [ritaName, colmName] = [`Rita Curation ${run}`, `Colm Curation ${run}`];
  const rita = await reviewer(browser, owner, ritaName);
  const colm = await reviewer(browser, owner, colmName);

  await owner.goto("/w/demo-newsroom");
  await owner.getByRole("list", { name: "Comparisons" }).getByRole("link").first().click();
  await expect(owner).toHaveURL(/\/c\/[^/]+$/);
  const base = owner.url();

  await rita.goto(`${base}/annotate`);
  const text = (await rita.locator(".annotated-text").textContent()) ?? "";
  const agreed = text.split(/\s+/).slice(12, 15).join(" ");
  const disputed = text.split(/\s+/).slice(30, 33).join(" ");
  await annotate(rita, agreed, "Loaded language");
  await annotate(rita, disputed, "Loaded language");
  await colm.goto(`${base}/annotate`);
  await annotate(colm, agreed, "Loaded language");
  await annotate(colm, disputed, "Euphemism");

  await owner.goto(base);
  await owner.getByRole("link", { name: "Curate" }).click();
  await expect(owner).toHaveURL(/\/curate$/);
  const table = owner.getByRole("table");
  await expect(table.getByRole("columnheader", { name: ritaName })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: colmName })).toBeVisible();
  const agreedRow = table.getByRole("row", { name: `“${agreed}”` });
  await expect(agreedRow).toContainText(`Agreed by ${colmName}, ${ritaName}`);

  // Keyboard: focus the agreed span, 1 accepts its one version; the focus moves on.
  await agreedRow.focus();
  await owner.keyboard.press("1");
  await expect(table.getByRole("row", { name: `“${agreed}”, accepted` })).toBeVisible();
  // The disputed span: merge both reviewers' tags, then think better of it and reject it.
  const disputedRow = table.getByRole("row", { name: `“${disputed}”` });
  await disputedRow.getByRole("button", { name: "Merge" }).click();
  await expect(disputedRow).toHaveAttribute("aria-label", `“${disputed}”, accepted`);
  await disputedRow.getByRole("button", { name: "Reject" }).click();
  await expect(disputedRow).toHaveAttribute("aria-label", `“${disputed}”, rejected`);

  await owner.goto(`${base}/report`);
  await expect(owner.getByText("Counted: every reviewer's annotations.")).toBeVisible();
  await owner.getByRole("radio", { name: "Curated only" }).check();
  await owner.getByRole("button", { name: "Apply filters" }).click();
  await expect(owner).toHaveURL(/layer=curated/);
  await expect(owner.getByText(/Counted: the curated layer only/)).toBeVisible();
  await expect(owner.getByText(/Annotations counted: 1\./)).toBeVisible();
  await expect(owner.getByRole("link", { name: "Markdown" })).toHaveAttribute("href", /layer=curated/);

  // The curated layer as a class key: the demo editor teaches Demo class. The copy's key holds
  // the accepted span and not the rejected one.
  await owner.goto(`${base}/curate`);
  await owner.getByRole("link", { name: "Make a class key from the curated layer" }).click();
  await expect(owner.getByRole("radio", { name: /the curated layer as the key/ })).toBeChecked();
  await owner.getByLabel("Workspace to copy into").selectOption({ label: "Demo class (class)" });
  await owner.getByRole("button", { name: "Copy" }).click();
  await expect(owner.getByText(/^Copied from Demo newsroom › /)).toBeVisible({ timeout: 30_000 });
  await expect(owner).toHaveURL(/\/w\/demo-class[^/]*\/c\/[^/]+$/);
  const copy = owner.url();
  const title = (await owner.getByRole("heading", { level: 1 }).textContent())!;
  await owner.goto(`${copy}/annotate`);
  await expect(owner.getByText("Live: others' changes appear here")).toBeVisible();
  const keyList = owner.locator(".annotation-list");
  await expect(keyList).toContainText(agreed);
  await expect(keyList).not.toContainText(disputed);

  // Blind: a student of the class opens the new assignment (any of them, should other runs have
  // made some: Ben has submitted none) and sees the text without the key.
  const ben = await (await browser.newContext()).newPage();
  await signInDirectly(ben, "student.ben@parallax.example", DEMO.password);
  await ben.goto("/w/demo-class");
  await ben.getByRole("table", { name: "Your assignments" }).getByRole("link", { name: `${title} (curated key)` }).first().click();
  await expect(ben.getByRole("heading", { name: /^0 annotations in / })).toBeVisible();
  await expect(ben.locator(".annotated-text")).toContainText(agreed);
  await expect(ben.locator(".annotated-text mark")).toHaveCount(0);
});
