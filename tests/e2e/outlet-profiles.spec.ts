import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { DEMO, keepScreenshot, signInDirectly } from "./helpers";

test.use({ viewport: { width: 1440, height: 1000 } });

test("an editor profiles the demo newsroom's outlets, sets two side by side, follows a figure to its comparison and downloads the CSV", async ({ page }) => {
  test.setTimeout(120_000);
  await signInDirectly(page, DEMO.email, DEMO.password);
  await page.goto("/w/demo-newsroom");
  await page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Outlet profiles" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Outlet profiles" })).toBeVisible();

  // Every outlet at first: a chart per tag set with its table beside it, a column per outlet.
  const picker = page.getByRole("group", { name: /Outlets side by side/ });
  const outletCount = await picker.getByRole("checkbox").count();
  expect(outletCount).toBeGreaterThanOrEqual(2);
  await expect(page.getByRole("img", { name: /^Framing devices: each tag per 1,000 words, per outlet/ })).toBeVisible();
  const devices = page.getByRole("table", { name: /^Framing devices: per 1,000 words · share of the tag set/ });
  await expect(devices.getByRole("columnheader")).toHaveCount(outletCount + 1);
  await expect(page.getByRole("table", { name: /^Framing devices by month/ })).toBeVisible();
  await keepScreenshot(page, "outlet-profiles-all", { fullPage: true });

  // Two of the demo's outlets side by side (other journeys add outlets of their own, without framing devices).
  const [first, second] = ["Coastline Wire", "The Harbor Ledger"];
  await picker.getByLabel(first).check();
  await picker.getByLabel(second).check();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL(/[?&]outlet=.*&outlet=/);
  await expect(devices.getByRole("columnheader")).toHaveCount(3);
  await expect(devices.getByRole("columnheader").nth(1)).toHaveText(first);
  await keepScreenshot(page, "outlet-profiles-two", { fullPage: true });

  // The CSV of what is shown: a byte order mark, the header, a row per outlet and tag.
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const csv = await readFile((await (await downloading).path())!, "utf8");
  expect(csv.startsWith("\uFEFFOutlet,Tag set,Tag,Month,Annotations,Words,")).toBe(true);
  expect(csv).toContain(`${first},Framing devices,`);
  expect(csv.includes("\r\n")).toBe(true);

  // A figure opens to the comparisons behind it; each leads to its report.
  const figure = devices.locator("details").first();
  await figure.locator("summary").click();
  const comparison = figure.getByRole("link").first();
  const title = (await comparison.textContent())!;
  await comparison.click();
  await expect(page).toHaveURL(/\/c\/[^/]+\/report$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
});
