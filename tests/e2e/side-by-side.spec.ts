import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO, keepScreenshot, pasteSource, signInDirectly, test, uniqueEmail } from "./helpers";

// Five short articles written for this test about an invented harbour bridge closure.
const ARTICLES = [
  { outlet: "Harbour Times", title: "Bridge shut", text: "The old harbour bridge closed on Friday after inspectors found cracks in two pillars.\n\nCommuters faced long detours." },
  { outlet: "Valley Post", title: "Cracks close bridge", text: "Engineers closed the harbour bridge on Friday when cracks appeared in its pillars.\n\nThe ferry adds extra sailings." },
  { outlet: "Coastline Wire", title: "Bridge chaos", text: "Chaos hit the city on Friday as the crumbling harbour bridge was shut without warning.\n\nShops by the quay lost trade." },
  { outlet: "Northern Ledger", title: "Inspection finds damage", text: "A routine inspection found damage to the harbour bridge, which closed on Friday.\n\nRepairs may take a month." },
  { outlet: "Evening Bulletin", title: "City loses its bridge", text: "The city lost its main crossing on Friday when the harbour bridge closed for repairs.\n\nBuses will run a shuttle." },
];
const PASSWORD = "tablet class passphrase";

async function addSource(page: Page, article: (typeof ARTICLES)[number]) {
  await pasteSource(page, article);
  await expect(page.getByRole("row", { name: new RegExp(article.title) })).toBeVisible();
}

const columnHeads = (page: Page) => page.locator(".sbs__columns .column:not(.column--collapsed) .column__head .source__outlet");

test("five sources at 1440 px: columns scroll sideways at a readable width, collapse, hide and reorder, and the layout follows the user to another browser", async ({ browser }) => {
  test.setTimeout(240_000);
  const shot = (page: Page, name: string) => keepScreenshot(page, name, { fullPage: true });
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await signInDirectly(page, DEMO.email, DEMO.password);
  await page.goto("/w/demo-newsroom");
  const title = `Harbour bridge ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create comparison" }).click();
  await expect(page).toHaveURL(/\/sources$/);
  for (const article of ARTICLES) await addSource(page, article);
  await page.getByRole("link", { name: "Side by side" }).click();
  await expect(page).toHaveURL(/\/c\/harbour-bridge-\d+$/);
  const url = page.url();

  // Each column keeps at least 300 px; the five together scroll sideways instead of shrinking.
  await expect(columnHeads(page)).toHaveText(ARTICLES.map((a) => a.outlet));
  const columns = page.locator(".sbs__columns");
  const widths = await page.locator(".sbs__columns .column").evaluateAll((all) => all.map((c) => c.getBoundingClientRect().width));
  expect(Math.min(...widths)).toBeGreaterThanOrEqual(299);
  expect(await columns.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await shot(page, "side-by-side-1440-five");

  // Collapse one column, hide another, move a third to the front.
  await page.getByRole("button", { name: "Collapse Coastline Wire" }).click();
  await expect(page.getByRole("button", { name: "Expand Coastline Wire" })).toBeVisible();
  await page.getByText(/^Columns: 5 of 5 sources shown/).click();
  const picker = page.getByRole("list", { name: "Sources, left to right" });
  await picker.getByRole("checkbox", { name: /Northern Ledger/ }).uncheck();
  await picker.getByRole("button", { name: "Move Evening Bulletin left" }).click();
  await picker.getByRole("button", { name: "Move Evening Bulletin left" }).click();
  await picker.getByRole("button", { name: "Move Evening Bulletin left" }).click();
  await picker.getByRole("button", { name: "Move Evening Bulletin left" }).click();
  await expect(page.getByText(/^Columns: 4 of 5 sources shown/)).toBeVisible();
  const arranged = ["Evening Bulletin", "Harbour Times", "Valley Post"];
  await expect(columnHeads(page)).toHaveText(arranged);
  await expect(page.getByRole("button", { name: "Expand Coastline Wire" })).toBeVisible();
  await shot(page, "side-by-side-1440-arranged");

  // Kept on the server: the same after a reload, and in another browser signed in as the same user.
  await expect(async () => {
    await page.reload();
    await expect(columnHeads(page)).toHaveText(arranged, { timeout: 1000 });
  }).toPass();
  const other = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signInDirectly(other, DEMO.email, DEMO.password);
  await other.goto(url);
  await expect(columnHeads(other)).toHaveText(arranged);
  await expect(other.getByRole("button", { name: "Expand Coastline Wire" })).toBeVisible();
  await other.getByRole("button", { name: "Expand Coastline Wire" }).click();
  await expect(columnHeads(other)).toHaveText(["Evening Bulletin", "Harbour Times", "Valley Post", "Coastline Wire"]);

  // Fact rows: one row across all five outlets; the outlets' names head the table once and
  // the row's label stays in view while the table scrolls sideways.
  for (const { outlet, words } of [
    { outlet: "Harbour Times", words: "closed on Friday" },
    { outlet: "Valley Post", words: "closed the harbour bridge on Friday" },
    { outlet: "Evening Bulletin", words: "closed for repairs" },
  ]) {
    await page.getByLabel(`Find words in ${outlet}`).fill(words);
    await page.getByRole("button", { name: `Select in ${outlet}` }).click();
    const panel = page.getByRole("region", { name: "Selected passage" });
    await expect(panel).toContainText(`${outlet}:`);
    if (outlet === "Harbour Times") {
      await panel.getByLabel("Fact row", { exact: true }).selectOption({ label: "New fact row…" });
      await panel.getByLabel("Label of the new fact row").fill("When the bridge closed");
    } else await panel.getByLabel("Fact row", { exact: true }).selectOption({ label: "When the bridge closed" });
    await panel.getByRole("button", { name: "Add to fact row" }).click();
    await expect(panel.getByText(/^Added .* passage to/)).toBeVisible();
  }
  await page.goto(url.replace(/\/?$/, "/fact-rows"));
  const row = page.getByRole("region", { name: "When the bridge closed" });
  await expect(row.getByText("Reported by 3 of 5 sources")).toBeVisible();
  await expect(page.locator(".fact-table__outlet")).toHaveText(ARTICLES.map((a) => a.outlet));
  await expect(row.locator(".source__outlet")).toHaveCount(0);
  await shot(page, "fact-rows-1440");

  // At 768 px the columns scroll too, each still readable.
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.goto(url);
  const narrow = await page.locator(".sbs__columns .column:not(.column--collapsed)").evaluateAll((all) => all.map((c) => c.getBoundingClientRect().width));
  expect(Math.min(...narrow)).toBeGreaterThanOrEqual(299);
  await shot(page, "side-by-side-768");
  await page.goto(url.replace(/\/?$/, "/fact-rows"));
  const table = page.locator(".fact-table");
  const label = page.getByRole("region", { name: "When the bridge closed" }).getByRole("heading", { name: "When the bridge closed" });
  const before = (await label.boundingBox())!;
  await table.evaluate((el) => el.scrollBy({ left: 500 }));
  await expect.poll(() => table.evaluate((el) => el.scrollLeft)).toBeGreaterThan(400);
  expect((await label.boundingBox())!.x).toBeCloseTo(before.x, 0);
  await expect(page.locator(".fact-table__outlet").last()).toBeInViewport();
  await expect(page.getByText("Terms against Harbour Times")).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);
  await shot(page, "fact-rows-768-scrolled");
});

async function signUp(page: Page, name: string) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(uniqueEmail(name.toLowerCase().replace(/\W+/g, ".")));
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function annotateByFind(page: Page, words: string, tag: string) {
  await page.getByLabel("Find words to annotate").fill(words);
  await page.getByRole("button", { name: "Select", exact: true }).click();
  const form = page.getByRole("region", { name: "New annotation" });
  await expect(form).toContainText(words);
  await form.getByRole("group", { name: "Framing devices" }).getByLabel(tag, { exact: true }).check();
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(page.getByText("Annotation saved.")).toBeVisible();
}

/**
 * Selects words as a finger does: a tap on the text (a touch pointer, no mouse), then the
 * selection a long press and its handles make. Chromium cannot long-press in headless mode,
 * so the range is set directly; the page sees what it sees on a tablet: touch events, then
 * selectionchange, and no mouseup.
 */
async function selectByTouch(page: Page, words: string) {
  const text = page.locator(".annotated-text");
  const box = (await text.boundingBox())!;
  await page.touchscreen.tap(box.x + box.width - 4, box.y + box.height - 4);
  await text.evaluate((el, wanted) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
    throw new Error(`“${wanted}” is not in one text node`);
  }, words);
}

async function setUpClass(browser: Browser) {
  const teacher = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  teacher.on("dialog", (dialog) => void dialog.accept());
  await teacher.goto("/sign-up");
  await signUp(teacher, "Tess Teacher");
  await expect(teacher).toHaveURL(/\/workspaces$/);
  await teacher.getByLabel("Workspace name").fill("Tablet class 8C");
  await teacher.getByRole("radio", { name: /^Class: you teach/ }).check();
  await teacher.getByRole("button", { name: "Create workspace" }).click();
  await expect(teacher.getByRole("heading", { name: "Students join with this code" })).toBeVisible();
  const classUrl = teacher.url();
  const joinLink = await teacher.getByLabel("Or send them this link").inputValue();
  await teacher.getByLabel("Title").fill("Harbour bridge closure");
  await teacher.getByRole("button", { name: "Create comparison" }).click();
  await expect(teacher).toHaveURL(/\/sources$/);
  await addSource(teacher, ARTICLES[2]!);
  await addSource(teacher, ARTICLES[1]!);
  await teacher.goto(classUrl);
  await teacher.getByRole("link", { name: "New assignment from Harbour bridge closure" }).click();
  await expect(teacher.getByRole("heading", { name: "New assignment" })).toBeVisible();
  await teacher.getByLabel("Title").fill("Loaded words");
  const framing = teacher.getByRole("group", { name: "Framing devices" });
  await framing.getByLabel("Loaded language", { exact: true }).check();
  await framing.getByLabel("Labeling", { exact: true }).check();
  await teacher.getByRole("button", { name: "Create assignment" }).click();
  await expect(teacher.getByRole("heading", { name: "Loaded words" })).toBeVisible();
  await teacher.getByRole("link", { name: "Write the key" }).click();
  await annotateByFind(teacher, "Chaos", "Loaded language");
  await annotateByFind(teacher, "crumbling", "Loaded language");
  return { teacher, classUrl, joinLink };
}

test("a student on a 768 px touch screen selects words, tags them and submits; the results lead with the score and link each finding to its place", async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const shot = (page: Page, name: string) => keepScreenshot(page, name, { fullPage: true });
  const { teacher, classUrl, joinLink } = await setUpClass(browser);

  const tablet = await browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: true });
  const student = await tablet.newPage();
  student.on("dialog", (dialog) => void dialog.accept());
  await student.goto(joinLink);
  await signUp(student, "Tomas Tablet");
  await expect(student.getByRole("heading", { name: "Waiting for your teacher" })).toBeVisible();
  await teacher.goto(`${classUrl}/members`);
  await teacher.getByRole("button", { name: "Admit Tomas Tablet" }).click();
  // The admission is saved once the roster lists the student; reloading before that can still show the waiting page.
  await expect(teacher.getByRole("table", { name: "Members of Tablet class 8C" }).getByRole("row", { name: /Tomas Tablet/ })).toBeVisible();
  await student.reload();
  await student.getByRole("link", { name: "Loaded words" }).tap();
  await expect(student.getByText("Live: your work is saved as you go")).toBeVisible();
  expect(await student.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(768);

  // Select by touch: the form rises from the bottom edge, in view, with the words chosen.
  await selectByTouch(student, "Chaos hit the city");
  const form = student.getByRole("region", { name: "New annotation" });
  await expect(form).toContainText("Chaos hit the city");
  await expect(form).toBeInViewport();
  await shot(student, "tablet-768-form");
  await form.getByRole("group", { name: "Framing devices" }).getByLabel("Loaded language", { exact: true }).tap();
  await form.getByRole("button", { name: "Save annotation" }).tap();
  await expect(student.getByText("Annotation saved.")).toBeVisible();
  await selectByTouch(student, "without warning");
  await expect(form).toContainText("without warning");
  await form.getByRole("group", { name: "Framing devices" }).getByLabel("Loaded language", { exact: true }).tap();
  await form.getByRole("button", { name: "Save annotation" }).tap();
  await expect(student.getByRole("list", { name: "Annotations in text order" }).locator(".annotation-card__quote")).toHaveText(["“Chaos hit the city”", "“without warning”"]);
  await shot(student, "tablet-768-work");
  await student.getByRole("button", { name: "Submit my work" }).tap();
  await expect(student.getByText(/You have submitted this assignment/)).toBeVisible();
  await student.getByRole("link", { name: "See the results" }).tap();

  // The results lead with the score and what to look at; the rest is folded away.
  const score = student.getByRole("region", { name: "Your score against the key" });
  await expect(score).toBeVisible();
  expect((await score.boundingBox())!.y).toBeLessThan(400);
  await expect(score).toContainText("You found 1 of the key's 2 passages; 1 of yours the key does not tag that way.");
  const toLook = score.getByRole("list", { name: "What to look at" });
  await expect(toLook.getByRole("listitem")).toHaveText([/^Missed “?crumbling”? — Loaded language · Coastline Wire$/, /^Not in the key “?without warning”? — Loaded language · Coastline Wire$/]);
  const height = await student.evaluate(() => document.documentElement.scrollHeight);
  testInfo.annotations.push({ type: "results page height at 768 px", description: `${height} px` });
  await shot(student, "results-768");
  // Followed from the keyboard: in Chromium's mobile emulation a tap on these links hit the list
  // item instead (not understood yet). Under load the page may still be hydrating: retry.
  const place = student.locator("mark", { hasText: "crumbling" }).first();
  await expect(async () => {
    await toLook.getByRole("link", { name: "crumbling" }).focus();
    await student.keyboard.press("Enter");
    await expect(place).toBeInViewport({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(student).toHaveURL(/#key-/);
  await student.setViewportSize({ width: 1440, height: 900 });
  await student.goto(student.url().replace(/#.*$/, ""));
  await expect(score).toBeVisible();
  testInfo.annotations.push({ type: "results page height at 1440 px", description: `${await student.evaluate(() => document.documentElement.scrollHeight)} px` });
  await shot(student, "results-1440");
  await expect(student.getByText("The key has no comments.")).toBeHidden();
  await student.getByText("Why the key tags these words").click();
  await expect(student.getByText("The key has no comments.")).toBeVisible();
});
