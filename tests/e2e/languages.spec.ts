import { expect, test, type Page } from "@playwright/test";
import { DEMO, keepScreenshot, pasteSource, signInDirectly } from "./helpers";

// Written for this journey: one short report of a late ferry in Persian and in two Chinese wordings.
const PERSIAN = "کشتی مسافربری روز سه‌شنبه با دو ساعت تأخیر از بندر خارج شد. شهردار گفت شهر هزینهٔ قایق دوم را می‌پردازد.";
const CHINESE_A = "周二渡轮晚了两个小时才离开港口。市长说市政府将出钱购买第二艘船。";
const CHINESE_B = "周二渡轮晚了三个小时才离开码头。市长说市政府将出钱购买第二艘船。";

async function addSource(page: Page, title: string, outlet: string, text: string, count: number) {
  await pasteSource(page, { text, title, outlet });
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(count + 1);
}

async function selectWords(page: Page, outlet: string, words: string) {
  await page.getByLabel(`Find words in ${outlet}`).fill(words);
  await page.getByRole("button", { name: `Select in ${outlet}` }).click();
  await expect(page.getByRole("region", { name: "Selected passage" })).toContainText(words);
}

async function addToRow(page: Page, row: string, isNew: boolean) {
  const panel = page.getByRole("region", { name: "Selected passage" });
  if (isNew) {
    await panel.getByLabel("Fact row", { exact: true }).selectOption({ label: "New fact row…" });
    await panel.getByLabel("Label of the new fact row").fill(row);
  } else {
    await panel.getByLabel("Fact row", { exact: true }).selectOption({ label: row });
  }
  await panel.getByRole("button", { name: "Add to fact row" }).click();
  await expect(panel.getByText(/^Added .* passage to/)).toBeVisible();
}

test("Persian and Chinese sources: detected language, right-to-left columns, Find, selection offsets and a word diff of two Chinese outlets", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInDirectly(page, DEMO.email, DEMO.password);
  await page.goto("/w/demo-newsroom");
  await page.getByLabel("Title").fill("Late ferry in three outlets");
  await page.getByRole("button", { name: "Create comparison" }).click();
  await expect(page).toHaveURL(/\/sources$/);
  await addSource(page, "کشتی دیر رسید", "Bandar Daily", PERSIAN, 1);
  await addSource(page, "渡轮晚点", "Harbour Post", CHINESE_A, 2);
  await addSource(page, "渡轮晚点三小时", "Coast News", CHINESE_B, 3);

  // The source page names the detected language and sets lang and dir on the text.
  await page.getByRole("link", { name: "کشتی دیر رسید" }).click();
  await expect(page.getByTestId("source-language")).toHaveText("Persian (fa)");
  const body = page.locator(".source__body");
  await expect(body).toHaveAttribute("dir", "rtl");
  await expect(body).toHaveAttribute("lang", "fa");
  await expect(page.getByLabel("Language")).toHaveValue("fa");
  await keepScreenshot(page, "persian-source-1440", { fullPage: true });

  // Side by side: the Persian column reads right to left, the Chinese ones left to right.
  await page.getByRole("link", { name: "← All sources" }).click();
  await page.getByRole("link", { name: "Side by side" }).click();
  const persian = page.getByLabel("Text of Bandar Daily");
  await expect(persian).toHaveAttribute("dir", "rtl");
  await expect(persian).toHaveAttribute("lang", "fa");
  await expect(page.getByLabel("Text of Harbour Post")).toHaveAttribute("lang", "zh");
  await expect(page.getByLabel("Text of Harbour Post")).toHaveAttribute("dir", "ltr");

  // Find works across the zero-width non-joiner and in text without spaces.
  await selectWords(page, "Bandar Daily", "سه‌شنبه با دو ساعت تأخیر");

  // A selection made with the mouse in right-to-left text keeps its offsets in the text.
  const exact = "شهردار گفت";
  await persian.evaluate((element, words) => {
    const node = [...element.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(words))!;
    const at = node.textContent!.indexOf(words);
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + words.length);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    element.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
  }, exact);
  const panel = page.getByRole("region", { name: "Selected passage" });
  await expect(panel).toContainText(exact);
  await expect(persian.locator("mark[data-selected]")).toHaveText(exact);

  await selectWords(page, "Harbour Post", "周二渡轮晚了两个小时才离开港口");
  await addToRow(page, "How late the ferry was", true);
  await selectWords(page, "Coast News", "周二渡轮晚了三个小时才离开码头");
  await addToRow(page, "How late the ferry was", false);
  await keepScreenshot(page, "side-by-side-1440", { fullPage: true });

  // The word diff of two Chinese outlets marks the changed words, not the whole sentence.
  await page.getByRole("link", { name: "Fact rows" }).click();
  const row = page.getByRole("region", { name: "How late the ferry was" });
  const changed = row.locator("mark.diff--changed");
  await expect(changed.first()).toBeVisible();
  await expect(changed.filter({ hasText: "码头" })).toHaveText(["码头"]);
  for (const text of await changed.allTextContents()) expect(text.length).toBeLessThan(4);
  await expect(row.locator(".cell__text").first()).toHaveAttribute("lang", "zh");
  await keepScreenshot(page, "fact-rows-1440", { fullPage: true });
});
