import { expect, test } from "@playwright/test";
import { DEMO, keepScreenshot, pasteSource, signInDirectly } from "./helpers";

// Written for this test: labels, an unnamed attribution, doubt and a hedge for the default analysers to find.
const ARTICLE = [
  "Three protesters were detained outside the ministry on Tuesday, after the regime's thugs surrounded the square.",
  "Officials said the march had not been approved.",
  "The so-called reforms were announced without any debate, and police reportedly fired tear gas at the crowd.",
].join("\n\n");

test("a reviewer steps through proposals with the keyboard; only accepted ones become annotations and count", async ({ page }) => {
  test.setTimeout(120_000);
  await signInDirectly(page, DEMO.email, DEMO.password);
  await page.goto("/w/demo-newsroom");
  await page.getByLabel("Title").fill(`Proposals ${Date.now()}`);
  await page.getByRole("button", { name: "Create comparison" }).click();
  await expect(page).toHaveURL(/\/c\/[^/]+\/sources$/);
  await pasteSource(page, { text: ARTICLE, title: "Protest at the ministry", outlet: "Test Wire" });
  await expect(page.getByText("Source added.")).toBeVisible();
  const base = new URL(page.url()).pathname.replace(/\/sources$/, "");

  await page.goto(`${base}/annotate`);
  const panel = page.getByRole("region", { name: /Proposals in Test Wire/ });
  await expect(panel).toBeVisible();
  const dashed = page.locator(".annotated-text [data-proposal]");
  await expect(dashed.first()).toBeVisible();
  const proposedAtStart = new Set(await dashed.evaluateAll((els) => els.map((el) => el.getAttribute("data-proposal"))));
  expect(proposedAtStart.size).toBeGreaterThanOrEqual(3);
  const active = () => page.locator(".proposal-mark--active").first().getAttribute("data-proposal");

  await page.keyboard.press("n");
  await expect(panel.getByLabel("Active proposal")).toBeVisible();
  await page.keyboard.press("a");
  await expect(panel.getByRole("status")).toContainText("it is your annotation now");
  await expect(page.locator(".proposal-mark--active")).toHaveCount(1);
  await page.keyboard.press("a");
  await expect(page.getByRole("list", { name: "Annotations in text order" }).getByText(/accepted from a proposal/)).toHaveCount(2);
  const rejected = await active();
  await page.keyboard.press("r");
  await expect(panel.getByRole("status")).toContainText("Rejected");
  await expect(page.locator(`[data-proposal="${rejected}"]`)).toHaveCount(0);

  await page.reload();
  await expect(panel).toBeVisible();
  await expect(page.locator(".annotated-text [data-proposal]").first()).toBeVisible();
  await expect(page.locator(`[data-proposal="${rejected}"]`)).toHaveCount(0);
  const annotations = page.getByRole("list", { name: "Annotations in text order" }).getByRole("listitem");
  await expect(annotations.filter({ hasText: /accepted from a proposal \([a-z-]+ v\d+\)/ })).toHaveCount(2);
  await expect(annotations.filter({ hasText: DEMO.name })).toHaveCount(2);

  await page.goto(`${base}/report`);
  await expect(page.getByText("Annotations counted: 2.")).toBeVisible();
  await page.goto(`${base}/agreement`);
  await expect(page.getByText(`Reviewers: ${DEMO.name}.`)).toBeVisible();
});

test("an editor switches an analyser off for the workspace and sees its accept rate", async ({ page }) => {
  await signInDirectly(page, DEMO.email, DEMO.password);
  await page.goto("/w/demo-newsroom/analysers");
  const row = page.getByRole("row", { name: /hedging/ });
  await expect(row.getByRole("cell", { name: /^On/ })).toBeVisible();
  await row.getByRole("button", { name: "Turn off hedging" }).click();
  await expect(row.getByRole("cell", { name: /^Off/ })).toBeVisible();
  await row.getByRole("button", { name: "Turn on hedging" }).click();
  await expect(row.getByRole("cell", { name: /^On/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What no analyser proposes" })).toBeVisible();
  await page.getByText("Review the terms").click();
  await expect(page.getByText(/regime/).first()).toBeVisible();
  await page.getByText("Edit the list").click();
  await page.getByLabel(/The list as JSON/).fill("{ broken");
  await page.getByRole("button", { name: "Save the list" }).click();
  await expect(page.getByText(/The list is not valid JSON/)).toBeVisible();
  await expect(page.getByText("This workspace uses the list Parallax ships.")).toBeVisible();
  await keepScreenshot(page, "analysers", { fullPage: true });
});
