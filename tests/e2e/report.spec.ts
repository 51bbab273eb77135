import { expect, type Locator } from "@playwright/test";
import { DEMO, keepScreenshot, signInDirectly, test } from "./helpers";

test("an editor reads, filters, prints, publishes and withdraws the demo report", async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInDirectly(page, DEMO.email, DEMO.password);
  await page.goto("/w/demo-newsroom");
  await page.getByRole("list", { name: "Comparisons" }).getByRole("link").first().click();
  await page.getByRole("navigation", { name: "Comparison" }).getByRole("link", { name: "Report" }).click();
  await expect(page).toHaveURL(/\/report$/);
  const title = (await page.getByRole("heading", { level: 1 }).textContent())!;

  // A chart per tag set, with its data table beside it.
  const devices = page.getByRole("img", { name: /^Framing devices: rate per 1,000 words/ });
  await expect(devices).toBeVisible();
  await expect(page.getByRole("table", { name: "Framing devices: per 1,000 words (count)" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Framing devices: per 1,000 words (count)" }).getByRole("columnheader")).toHaveCount(5);
  await keepScreenshot(page, "report-screen", { fullPage: true });

  // Filtering by one outlet narrows every section.
  const outlets = page.getByRole("group", { name: "Outlets" });
  const outlet = (await outlets.getByRole("checkbox").nth(2).locator("xpath=..").textContent())!.trim();
  await outlets.getByLabel(outlet).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]outlet=/);
  await expect(page.getByText(`Shows: Outlets: ${outlet}`)).toBeVisible();
  await expect(page.getByRole("table", { name: "Framing devices: per 1,000 words (count)" }).getByRole("columnheader")).toHaveCount(2);
  const termChoice = page.getByRole("region", { name: "Term choice" });
  await expect(termChoice.getByText("base", { exact: true })).toHaveCount(0);

  // Keyboard: tabbing from one heat-map cell to the next lists the annotations behind it.
  const heatMap = page.getByRole("group", { name: "Heat map of tags by outlet, per 1,000 words" });
  const cells = heatMap.getByRole("img");
  const target = cells.filter({ hasNotText: /^0$/ }).nth(1);
  const label = (await target.getAttribute("aria-label"))!;
  const index = await cells.evaluateAll((all, wanted) => all.findIndex((c) => c.getAttribute("aria-label") === wanted), label);
  await cells.first().focus();
  for (let i = 0; i < index; i++) await page.keyboard.press("Tab");
  await expect(target).toBeFocused();
  const panel = page.getByRole("complementary", { name: "Annotations behind the figure" }).last();
  await expect(panel).toContainText(label);
  await expect(panel.getByRole("listitem").first()).toContainText(`by ${DEMO.name}`);

  // On paper: no navigation, filters, sharing or download controls.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Apply filters" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Comparison" })).toBeHidden();
  await expect(page.getByRole("list", { name: "Download this report" })).toBeHidden();
  await expect(panel).toBeHidden();
  await expect(page.getByRole("heading", { name: "Term choice" })).toBeVisible();
  await keepScreenshot(page, "report-print", { fullPage: true });
  await page.emulateMedia({ media: "screen" });

  // Publishing gives a link that works signed out, filters and downloads included.
  await page.getByRole("button", { name: "Publish report" }).click();
  const link = page.getByLabel("Share link");
  await expect(link).toHaveValue(/\/r\/[A-Za-z0-9_-]{43}$/);
  const url = await link.inputValue();

  const reader = await (await browser.newContext()).newPage();
  const opened = await reader.goto(url);
  expect(opened?.status()).toBe(200);
  await expect(reader.getByRole("heading", { level: 1 })).toHaveText(title);
  // A reader meets the title, the outlets and the date before the filters.
  const top = async (locator: Locator) => (await locator.boundingBox())!.y;
  expect(await top(reader.getByRole("heading", { level: 1 }))).toBeLessThan(await top(reader.getByRole("group", { name: "Outlets" })));
  await expect(reader.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await expect(reader.getByRole("img", { name: /^Framing devices: rate per 1,000 words/ })).toBeVisible();
  await reader.getByRole("group", { name: "Outlets" }).getByLabel(outlet).check();
  await reader.getByRole("button", { name: "Apply filters" }).click();
  await expect(reader.getByText(`Shows: Outlets: ${outlet}`)).toBeVisible();
  const markdown = await reader.request.get(`${url}/download?format=md`);
  expect(markdown.status()).toBe(200);
  expect(await markdown.text()).toContain(`# Framing report: ${title}`);
  const pdf = await reader.request.get(`${url}/download?format=pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
  await keepScreenshot(reader, "report-shared");

  // Withdrawing it: the same link now says so, with 404.
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Withdraw link" }).click();
  await expect(page.getByText("Not published: only members of this workspace can see the report.")).toBeVisible();
  const gone = await reader.goto(url);
  expect(gone?.status()).toBe(404);
  await expect(reader.getByRole("heading", { name: "This report is no longer available" })).toBeVisible();
  expect((await reader.request.get(`${url}/download?format=md`)).status()).toBe(404);
  await reader.context().close();
});
