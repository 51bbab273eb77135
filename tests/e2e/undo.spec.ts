import { expect, type Browser, type Page } from "@playwright/test";
import { acceptInvitation, invite, keepScreenshot, signUp, test, uniqueEmail } from "./helpers";

const PASSWORD = "undo journey passphrase";

// A short invented article.
const ARTICLE = "The ferry operator said the late sailing was cancelled for operational reasons. Passengers waited four hours on the quay without news.";
const WORDS = "operational reasons";

async function signUpIn(browser: Browser, name: string) {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "."));
  await signUp(page, name, email, PASSWORD);
  return { page, email };
}

function card(page: Page, words = WORDS) {
  return page.locator(".annotation-card").filter({ has: page.locator(".annotation-card__quote", { hasText: `“${words}”` }) });
}

async function openCard(page: Page, words = WORDS) {
  const quote = card(page, words).locator(".annotation-card__quote");
  if ((await quote.getAttribute("aria-pressed")) !== "true") await quote.click();
  return card(page, words);
}

async function annotate(page: Page, words: string) {
  await page.getByLabel("Find words to annotate").fill(words);
  await page.getByRole("button", { name: "Select", exact: true }).click();
  const form = page.getByRole("region", { name: "New annotation" });
  await expect(form).toContainText(words);
  await form.getByLabel("Find a tag").fill("Euphemism");
  await form.getByRole("group", { name: "Framing devices" }).getByLabel("Euphemism", { exact: true }).check();
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(notice(page)).toContainText(`Done: annotate “${words}”.`);
}

/** An owner with a comparison of one source, and a reviewer of the workspace; both on its annotate view, at 1440 px. */
async function deskWithReviewer(browser: Browser) {
  const owner = await signUpIn(browser, "Uma Undo");
  await owner.page.getByLabel("Workspace name").fill("Undo desk");
  await owner.page.getByRole("button", { name: "Create workspace" }).click();
  await expect(owner.page).toHaveURL(/\/w\/undo-desk[\w-]*$/);
  const workspace = new URL(owner.page.url()).pathname.split("/")[2]!;
  await owner.page.getByLabel("Title").fill("Late ferry");
  await owner.page.getByRole("button", { name: "Create comparison" }).click();
  await expect(owner.page).toHaveURL(/\/c\/late-ferry\/sources$/);
  await owner.page.getByLabel("Article text").fill(ARTICLE);
  await owner.page.getByLabel("Title", { exact: true }).fill("Sailing cancelled");
  await owner.page.getByLabel("Outlet", { exact: true }).selectOption({ label: "New outlet…" });
  await owner.page.getByLabel("New outlet's name").fill("Ferry Times");
  await owner.page.getByRole("button", { name: "Add source" }).click();
  await expect(owner.page.getByText("Source added.")).toBeVisible();
  const annotatePath = `/w/${workspace}/c/late-ferry/annotate`;

  const rita = await signUpIn(browser, "Rita Reviewer");
  await acceptInvitation(rita.page, await invite(owner.page, workspace, rita.email, "REVIEWER"), "Undo desk");
  await owner.page.goto(annotatePath);
  await rita.page.goto(annotatePath);
  await expect(rita.page.getByText("Live: others' changes appear here")).toBeVisible();
  return { page: owner.page, rita };
}

/** The undo notice, found by the live region it is announced in. */
const notice = (page: Page) => page.locator(".undo-notice-region");

/** Ctrl+Z and friends go to the page, not to a text field: focus the article's text first. */
async function press(page: Page, keys: string) {
  await page.getByLabel("Text of Ferry Times").focus();
  await page.keyboard.press(keys);
}

test("Ctrl+Z undoes a create, a retag and a delete as new versioned writes, Ctrl+Shift+Z redoes, and an undo a co-reviewer overtook is refused", async ({ browser }) => {
  test.setTimeout(300_000);
  const { page, rita } = await deskWithReviewer(browser);

  // Create.
  await annotate(page, WORDS);
  await expect(notice(page).getByRole("button", { name: "Undo" })).toBeVisible();
  await keepScreenshot(page, "undo-notice-1440");

  // Retag: Euphemism → Loaded language.
  const edited = await openCard(page);
  await edited.getByRole("button", { name: "Edit" }).click();
  await edited.getByLabel("Euphemism", { exact: true }).uncheck();
  await edited.getByLabel("Find a tag").fill("Loaded");
  await edited.getByRole("group", { name: "Framing devices" }).getByLabel("Loaded language", { exact: true }).check();
  await edited.getByRole("button", { name: "Save changes" }).click();
  await expect(notice(page)).toContainText(`Done: retag “${WORDS}”.`);
  await expect(card(page).locator(".tag-chip")).toHaveText(["Loaded language"]);

  // Delete.
  page.once("dialog", (dialog) => void dialog.accept());
  await (await openCard(page)).getByRole("button", { name: "Delete" }).click();
  await expect(notice(page)).toContainText(`Done: delete “${WORDS}”.`);
  await expect(card(page)).toHaveCount(0);
  await expect(card(rita.page)).toHaveCount(0);

  // Undo three times: the delete, the retag, the create.
  await press(page, "Control+z");
  await expect(notice(page)).toContainText(`Undone: delete “${WORDS}”.`);
  await expect(card(page).locator(".tag-chip")).toHaveText(["Loaded language"]);
  await expect(card(rita.page).locator(".tag-chip")).toHaveText(["Loaded language"]);
  await press(page, "Control+z");
  await expect(notice(page)).toContainText(`Undone: retag “${WORDS}”.`);
  await expect(card(page).locator(".tag-chip")).toHaveText(["Euphemism"]);
  await expect(card(rita.page).locator(".tag-chip")).toHaveText(["Euphemism"]);
  // The notice's button does the same as the keys, for mouse users.
  await notice(page).getByRole("button", { name: "Redo" }).click();
  await expect(notice(page)).toContainText(`Redone: retag “${WORDS}”.`);
  await expect(card(page).locator(".tag-chip")).toHaveText(["Loaded language"]);
  await press(page, "Control+z");
  await expect(notice(page)).toContainText(`Undone: retag “${WORDS}”.`);
  await press(page, "Control+z");
  await expect(notice(page)).toContainText(`Undone: annotate “${WORDS}”.`);
  await expect(card(page)).toHaveCount(0);
  await expect(card(rita.page)).toHaveCount(0);
  await keepScreenshot(page, "undone-notice-1440");

  // Redo brings the annotation back, for the co-reviewer too.
  await press(page, "Control+Shift+z");
  await expect(notice(page)).toContainText(`Redone: annotate “${WORDS}”.`);
  await expect(card(page).locator(".tag-chip")).toHaveText(["Euphemism"]);
  await expect(card(rita.page).locator(".tag-chip")).toHaveText(["Euphemism"]);

  // Inside a text field the browser's own undo applies: the view's stack is not touched.
  await page.getByLabel("Find words to annotate").fill("ferry");
  await page.getByLabel("Find words to annotate").press("Control+z");
  await expect(notice(page)).toContainText(`Redone: annotate “${WORDS}”.`);

  // The co-reviewer resolves it; undoing the create now would delete their change: refused, nothing lost.
  await (await openCard(rita.page)).getByRole("button", { name: "Resolve" }).click();
  await expect(card(page)).toContainText("resolved");
  await press(page, "Control+z");
  await expect(notice(page)).toContainText(`Can't undo annotate “${WORDS}”: someone marked it resolved since. Nothing was changed; their version is shown.`);
  await expect(card(page)).toHaveCount(1);
  await expect(card(rita.page)).toContainText("resolved");
  await keepScreenshot(page, "undo-refused-1440");
  // The refused change is dropped: nothing older is left to undo.
  await press(page, "Control+z");
  await expect(notice(page)).toContainText("Nothing to undo here.");
});

test("Ctrl+Z undoes an unlink and a link; undoing an annotation's delete brings its link back, for the co-reviewer too", async ({ browser }) => {
  test.setTimeout(300_000);
  const { page, rita } = await deskWithReviewer(browser);
  const EVIDENCE = "four hours on the quay";
  await annotate(page, WORDS);
  await annotate(page, EVIDENCE);
  const label = `“${WORDS}” has evidence “${EVIDENCE}”`;

  const claim = await openCard(page);
  await claim.getByRole("button", { name: "Link to…" }).click();
  const linkForm = claim.getByRole("form", { name: "Link this annotation to another" });
  await linkForm.getByLabel("Relation").selectOption({ label: "has evidence" });
  await linkForm.getByLabel("Target annotation").selectOption({ label: `“${EVIDENCE}” (Euphemism; Uma Undo)` });
  await linkForm.getByRole("button", { name: "Create link" }).click();
  await expect(notice(page)).toContainText(`Done: link ${label}.`);
  await claim.getByRole("list", { name: "Links" }).getByRole("button", { name: "Remove link" }).click();
  await expect(notice(page)).toContainText(`Done: unlink ${label}.`);
  await expect(card(rita.page).getByRole("list", { name: "Links" })).toHaveCount(0);

  await press(page, "Control+z");
  await expect(notice(page)).toContainText(`Undone: unlink ${label}.`);
  await expect(card(page).getByRole("list", { name: "Links" })).toContainText(`has evidence “${EVIDENCE}”`);
  await expect(card(rita.page).getByRole("list", { name: "Links" })).toContainText(`has evidence “${EVIDENCE}”`);

  // Deleting the evidence takes the link out of sight; undoing the delete brings both back, live.
  page.once("dialog", (dialog) => void dialog.accept());
  await (await openCard(page, EVIDENCE)).getByRole("button", { name: "Delete" }).click();
  await expect(notice(page)).toContainText(`Done: delete “${EVIDENCE}”.`);
  await expect(card(rita.page).getByRole("list", { name: "Links" })).toHaveCount(0);
  await press(page, "Control+z");
  await expect(notice(page)).toContainText(`Undone: delete “${EVIDENCE}”.`);
  await expect(card(page).getByRole("list", { name: "Links" })).toContainText(`has evidence “${EVIDENCE}”`);
  await expect(card(rita.page).getByRole("list", { name: "Links" })).toContainText(`has evidence “${EVIDENCE}”`);

  await press(page, "Control+z");
  await expect(notice(page)).toContainText(`Undone: link ${label}.`);
  await expect(card(page).getByRole("list", { name: "Links" })).toHaveCount(0);
  await expect(card(rita.page).getByRole("list", { name: "Links" })).toHaveCount(0);
  await press(page, "Control+y");
  await expect(notice(page)).toContainText(`Redone: link ${label}.`);
  await expect(card(rita.page).getByRole("list", { name: "Links" })).toContainText(`has evidence “${EVIDENCE}”`);
});
