import { expect, type Page } from "@playwright/test";
import { acceptInvitation, DEMO, invite, keepScreenshot, signInDirectly, test, uniqueEmail } from "./helpers";

test.use({ viewport: { width: 1440, height: 1000 } });

const PASSWORD = "keyboard passphrase";

/** The quote on the open annotation's card, without its curly quotes. */
async function openQuote(page: Page) {
  const text = await page.locator(".annotation-card--selected .annotation-card__quote").textContent();
  return (text ?? "").replace(/^“|”$/g, "");
}

test("a reviewer annotates with the keyboard: caret selection, a tag key, Enter, moving the span by keys and by its handle, and the ? list", async ({ browser }) => {
  test.setTimeout(180_000);
  const shot = (page: Page, name: string) => keepScreenshot(page, name);

  const page = await (await browser.newContext()).newPage();
  const email = uniqueEmail("kim.keys");
  // Named once per run: the demo newsroom keeps other runs' reviewers, and their cards can quote the same words.
  const name = `Kim Keys ${email.split(".")[2]}`;
  const cardOf = (p: Page, quote: string) => p.getByRole("listitem").filter({ hasText: name }).getByRole("button", { name: `“${quote}”` });
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/workspaces$/, { timeout: 30_000 });
  const owner = await (await browser.newContext()).newPage();
  await signInDirectly(owner, DEMO.email, DEMO.password);
  await acceptInvitation(page, await invite(owner, "demo-newsroom", email, "REVIEWER"), "Demo newsroom");

  await page.goto("/w/demo-newsroom");
  await page.getByRole("list", { name: "Comparisons" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/c\/[^/]+$/);
  await page.goto(`${page.url()}/annotate`);
  await expect(page.getByText("Live: others' changes appear here")).toBeVisible();

  // Reach the text with Tab: it takes focus and shows a caret.
  const text = page.getByLabel(/^Text of /);
  for (let i = 0; i < 80 && !(await text.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(text).toBeFocused();
  await expect(text.locator(".text-caret")).toBeVisible();

  // Into the text by words (past where other journeys annotate), then select two words.
  for (let i = 0; i < 57; i++) await page.keyboard.press("Control+ArrowRight");
  await page.keyboard.press("Control+ArrowLeft");
  await page.keyboard.press("Control+Shift+ArrowRight");
  await page.keyboard.press("Control+Shift+ArrowRight");
  const form = page.getByRole("region", { name: "New annotation" });
  const selected = form.locator(".selection-panel__quote");
  await expect(selected).toHaveText(/^“\S+\s+\S+”$/);
  const twoWords = (await selected.textContent())!.replace(/^“|”$/g, "");
  // Shift+arrows go a character at a time.
  await page.keyboard.press("Shift+ArrowLeft");
  await expect(selected).toHaveText(`“${twoWords.slice(0, -1)}”`);
  await page.keyboard.press("Shift+ArrowRight");
  await expect(selected).toHaveText(`“${twoWords}”`);

  // A number key puts its tag on the draft; the key is shown beside the tag.
  const firstTag = form.locator('input[aria-keyshortcuts="1"]');
  await expect(firstTag).not.toBeChecked();
  await expect(form.locator(".tag-key").first()).toHaveText("1");
  await page.keyboard.press("1");
  await expect(firstTag).toBeChecked();
  await expect(text).toBeFocused();
  await shot(page, "caret-selection");

  await page.keyboard.press("Enter");
  await expect(page.getByText("Annotation saved.")).toBeVisible();
  await expect.poll(() => openQuote(page)).toBe(twoWords);

  // The new annotation is open: handles on its ends; } moves the end a word on, Enter saves.
  await expect(text.locator(".span-handle--start")).toHaveCount(1);
  await expect(text.locator(".span-handle--end")).toHaveCount(1);
  await page.keyboard.press("}");
  await expect(page.getByText("The span of the open annotation has moved")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Span saved.")).toBeVisible();
  await expect.poll(() => openQuote(page)).toMatch(new RegExp(`^${twoWords.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\W*\\s+\\S+$`));
  const threeWords = await openQuote(page);
  await shot(page, "span-handles");

  // Drag the end handle with the mouse further into the text: saved when let go.
  const handle = await text.locator(".span-handle--end").evaluate((el) => {
    const r = el.getBoundingClientRect();
    const box = el.closest(".annotated-text")!.getBoundingClientRect();
    return { x: r.left, y: r.top + r.height / 2, lineHeight: r.height, left: box.left, right: box.right };
  });
  const target = handle.x + 140 < handle.right - 10 ? { x: handle.x + 140, y: handle.y } : { x: handle.left + 60, y: handle.y + handle.lineHeight * 1.4 };
  await page.mouse.move(handle.x, handle.y);
  await page.mouse.down();
  await page.mouse.move((handle.x + target.x) / 2, (handle.y + target.y) / 2, { steps: 4 });
  await page.mouse.move(target.x, target.y, { steps: 4 });
  await page.mouse.up();
  await expect.poll(async () => (await openQuote(page)).length).toBeGreaterThan(threeWords.length);
  expect((await openQuote(page)).startsWith(threeWords)).toBe(true);
  const dragged = await openQuote(page);
  // The drag takes whole words: in the text, no letter follows the new end.
  const escaped = dragged.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  expect(await text.textContent()).toMatch(new RegExp(`${escaped}(?![\\p{L}\\p{N}])`, "u"));

  // A move based on a version changed since (here in another tab) is refused; the change made there stays.
  const other = await (await browser.newContext()).newPage();
  await signInDirectly(other, email, PASSWORD);
  await other.goto(page.url());
  await cardOf(other, dragged).click();
  await expect(other.getByLabel(/^Text of /).locator(".span-handle--start")).toHaveCount(1);
  await other.keyboard.press("]");
  await expect(other.getByText("The span of the open annotation has moved")).toBeVisible();
  await text.focus();
  await page.keyboard.press("[");
  await page.keyboard.press("Enter");
  await expect.poll(async () => (await openQuote(page)).length).toBeGreaterThan(dragged.length);
  const theirs = await openQuote(page);
  await expect(other.locator(".annotation-card--selected .annotation-card__quote")).toHaveText(`“${theirs}”`);
  await other.getByLabel(/^Text of /).focus();
  await other.keyboard.press("Enter");
  const refusal = other.getByRole("alert").filter({ hasText: "Someone changed this annotation" });
  await expect(refusal).toContainText("your new span is still shown");
  await other.keyboard.press("Escape");
  await expect(other.getByText("The span of the open annotation has moved")).toBeHidden();
  await other.reload();
  await expect(cardOf(other, theirs)).toBeVisible();

  // ? lists every shortcut in a modal dialog; Tab stays inside; Escape closes it.
  await text.focus();
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Select, a word at a time");
  await expect(help.getByRole("list", { name: "Tag keys" })).toContainText("1");
  await expect(help.getByRole("button", { name: "Close" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(help.getByRole("button", { name: "Close" })).toBeFocused();
  await shot(page, "shortcut-help");
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();
  await expect(text).toBeFocused();

  // A click puts the caret where it lands: Shift+Ctrl+Right then selects from there, and Escape drops the selection.
  // The second letter of a word of letters only, between spaces, in plain text (outside any highlight) and in view.
  const word = await text.evaluate((el) => {
    const view = el.getBoundingClientRect();
    for (const node of el.childNodes) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      for (const match of (node.textContent ?? "").matchAll(/(?<=\s|^)[A-Za-z]{5,}(?=\s)/g)) {
        const range = document.createRange();
        range.setStart(node, match.index + 1);
        range.setEnd(node, match.index + 2);
        const r = range.getBoundingClientRect();
        if (r.top > view.top && r.bottom < view.bottom) return { rest: match[0].slice(1), x: r.left + 1, y: r.top + r.height / 2 };
      }
    }
    throw new Error("no plain word in view");
  });
  await page.mouse.click(word.x, word.y);
  await page.keyboard.press("Control+Shift+ArrowRight");
  await expect(selected).toHaveText(`“${word.rest}”`);
  await page.keyboard.press("Escape");
  await expect(form).toBeHidden();
});
