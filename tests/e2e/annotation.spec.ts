import { expect, type Browser, type Page } from "@playwright/test";
import { acceptInvitation, DEMO, invite, signInDirectly, signUp, test, uniqueEmail } from "./helpers";

const PASSWORD = "reviewer passphrase";

async function signUpIn(browser: Browser, name: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "."));
  await signUp(page, name, email, PASSWORD);
  return { page, email };
}

async function openDemoComparison(page: Page) {
  await page.goto("/w/demo-newsroom");
  await page.getByRole("list", { name: "Comparisons" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/c\/[^/]+$/);
  return page.url();
}

async function annotate(page: Page, words: string, tag: string, tagSet = "Framing devices") {
  await page.getByLabel("Find words to annotate").fill(words);
  await page.getByRole("button", { name: "Select", exact: true }).click();
  const form = page.getByRole("region", { name: "New annotation" });
  await expect(form).toContainText(words);
  await form.getByLabel("Find a tag").fill(tag);
  await form.getByRole("group", { name: tagSet }).getByLabel(tag, { exact: true }).check();
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(page.getByText("Annotation saved.")).toBeVisible();
}

function card(page: Page, words: string) {
  return page.getByRole("listitem").filter({ has: page.getByRole("button", { name: `“${words}”` }) });
}

/** Selects the annotation, which opens its thread and controls in the side panel. */
async function openCard(page: Page, words: string) {
  const quote = card(page, words).getByRole("button", { name: `“${words}”` });
  if ((await quote.getAttribute("aria-pressed")) !== "true") await quote.click();
  return card(page, words);
}

test("two reviewers annotate together, see each other live, and a stale edit is refused", async ({ browser }) => {
  test.setTimeout(180_000);
  const rita = await signUpIn(browser, "Rita Reviewer");
  const colm = await signUpIn(browser, "Colm Colleague");

  const owner = await (await browser.newContext()).newPage();
  await signInDirectly(owner, DEMO.email, DEMO.password);
  for (const reviewer of [rita, colm]) {
    await acceptInvitation(reviewer.page, await invite(owner, "demo-newsroom", reviewer.email, "REVIEWER"), "Demo newsroom");
  }

  const base = await openDemoComparison(rita.page);
  await rita.page.goto(`${base}/annotate`);
  await colm.page.goto(`${base}/annotate`);
  await expect(rita.page.getByText("Live: others' changes appear here")).toBeVisible();
  await expect(colm.page.getByText("Live: others' changes appear here")).toBeVisible();

  const source = await rita.page.locator(".annotated-text").textContent();
  const words = (source ?? "").split(/\s+/).slice(10, 14).join(" ");
  await annotate(rita.page, words, "Loaded language");
  await expect(card(colm.page, words)).toBeVisible({ timeout: 5_000 });
  await expect(card(colm.page, words)).toContainText("Rita Reviewer");

  await (await openCard(colm.page, words)).getByLabel("Reply to Rita Reviewer's annotation").fill("I would tag this as labeling.");
  await card(colm.page, words).getByRole("button", { name: "Reply" }).click();
  await expect(await openCard(rita.page, words)).toContainText("I would tag this as labeling.", { timeout: 5_000 });

  const ritaAgain = await (await browser.newContext()).newPage();
  await signInDirectly(ritaAgain, rita.email, PASSWORD);
  await ritaAgain.goto(`${base}/annotate`);
  await card(rita.page, words).getByRole("button", { name: "Edit" }).click();
  await (await openCard(ritaAgain, words)).getByRole("button", { name: "Edit" }).click();
  await card(ritaAgain, words).getByLabel("Comment (optional)").fill("Saved first, in another tab.");
  await card(ritaAgain, words).getByRole("button", { name: "Save changes" }).click();
  await expect(card(ritaAgain, words)).toContainText("Saved first, in another tab.");
  // The form closes once the save is answered: only then is the first tab's copy stale.
  await expect(card(ritaAgain, words).getByLabel("Comment (optional)")).toBeHidden();

  await card(rita.page, words).getByLabel("Comment (optional)").fill("Saved second, from a stale copy.");
  await card(rita.page, words).getByRole("button", { name: "Save changes" }).click();
  await expect(card(rita.page, words).getByRole("alert")).toContainText("Someone changed this annotation while you were editing");
  await card(rita.page, words).getByRole("button", { name: "Cancel" }).click();
  await expect(card(rita.page, words)).toContainText("Saved first, in another tab.");

  const other = (source ?? "").split(/\s+/).slice(40, 43).join(" ");
  await annotate(colm.page, other, "Loaded language");
  await owner.goto(`${base}/agreement`);
  const devices = owner.getByRole("region", { name: "Framing devices" });
  await expect(devices).toContainText("Alpha:");
  await expect(devices.getByRole("heading", { name: /Disagreements \(\d+\)/ })).toBeVisible();
  await expect(devices.getByText("Colm Colleague: no tag").first()).toBeVisible();
  await devices.getByRole("button", { name: "Mark resolved" }).first().click();

  await owner.goto(`${base}/sources`);
  await owner.getByRole("table").getByRole("link").first().click();
  await owner.getByRole("button", { name: "Edit text" }).click();
  const text = owner.getByLabel(/Text of revision/);
  await text.fill(`An editor's note was added at the top.\n\n${await text.inputValue()}`);
  await owner.getByRole("button", { name: "Save as new revision" }).click();
  await expect(owner.getByText(/Saved as revision \d+\./)).toBeVisible();

  await rita.page.reload();
  await expect(card(rita.page, words)).toBeVisible();
  await expect(card(rita.page, other)).toBeVisible();
});
