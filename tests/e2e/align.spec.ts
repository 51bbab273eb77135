import { expect, test, type Page } from "@playwright/test";
import { DEMO, keepScreenshot, signInDirectly } from "./helpers";

const DEMO_COMPARISON = "/w/demo-newsroom/c/marrowick-barrier-flood";

test.use({ viewport: { width: 1440, height: 1000 } });

/** The number shown beside a view of the review list, e.g. "Accepted 3". */
async function count(page: Page, view: string) {
  const link = page.getByRole("navigation", { name: "Proposals to show" }).getByRole("link", { name: new RegExp(`^${view}`) });
  return Number((await link.textContent())!.replace(/\D+/g, ""));
}

test("an editor aligns the demo comparison, reviews the proposals, re-runs, and finds the rows and omissions", async ({ page }) => {
  test.setTimeout(180_000);
  const shot = (name: string) => keepScreenshot(page, name, { fullPage: true });
  await signInDirectly(page, DEMO.email, DEMO.password);
  await page.goto(DEMO_COMPARISON);
  await page.getByRole("link", { name: "Align all" }).click();
  await expect(page).toHaveURL(/\/align$/);
  await expect(page.getByRole("heading", { level: 1, name: "Align all" })).toBeVisible();

  await page.getByRole("button", { name: "Align all" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Proposed \d+ rows? of several outlets/ })).toBeVisible();
  await expect(page.getByText(/score at least 0\.\d\d/)).toBeVisible();
  const proposals = page.getByRole("article");
  await expect(proposals.first()).toBeVisible();
  // To review: the rows of several outlets first, then what only one outlet reports, outlet by outlet.
  const groups = page.getByRole("heading", { level: 2 });
  await expect(groups.first()).toHaveText(/^Rows of several outlets \d+$/);
  await expect(groups.nth(1)).toHaveText(/^Only in .+ \d+$/);
  await shot("align-proposed");

  // Rows of several outlets: accept the first by hand, reject the next.
  await page.getByRole("link", { name: /^Rows of several outlets/ }).click();
  await expect(page).toHaveURL(/view=rows/);
  const rows = await count(page, "Rows of several outlets");
  expect(rows).toBeGreaterThanOrEqual(3);
  const first = proposals.first();
  await expect(first.getByText(/Score 0\.\d\d/)).toBeVisible();
  await expect(first.getByText(/↔/).first()).toBeVisible();
  // Each card names the words that differ between its outlets, before anything is accepted.
  await expect(first.getByRole("group", { name: /^Differing terms in “proposal \d+”$/ })).toBeVisible();
  await expect(page.getByRole("group", { name: /^Differing terms in “proposal/ }).filter({ hasText: "replaced by" }).first()).toBeVisible();
  const acceptedQuote = (await first.locator(".cell__text").first().textContent())!;
  await first.getByRole("button", { name: /^Accept proposal/ }).click();
  await expect(page.getByRole("article").filter({ hasText: acceptedQuote })).toHaveCount(0);
  await expect.poll(() => count(page, "Accepted")).toBe(1);

  const rejected = proposals.first();
  const rejectedQuote = (await rejected.locator(".cell__text").first().textContent())!;
  await rejected.getByRole("button", { name: /^Reject proposal/ }).click();
  await expect(page.getByRole("article").filter({ hasText: rejectedQuote })).toHaveCount(0);
  await expect.poll(() => count(page, "Rejected")).toBe(1);

  // Accept all with score ≥ S, typed into the labelled number box.
  await page.getByRole("spinbutton", { name: "Score" }).fill("0");
  const acceptAll = page.getByRole("button", { name: /^Accept \d+ rows?$/ });
  await expect(acceptAll).toHaveText(`Accept ${rows - 2} ${rows - 2 === 1 ? "row" : "rows"}`);
  await acceptAll.click();
  await expect(page.getByText(`Accepted ${rows - 2} ${rows - 2 === 1 ? "row" : "rows"} as fact rows.`)).toBeVisible();
  await expect.poll(() => count(page, "Accepted")).toBe(rows - 1);
  await expect(page.getByText("Nothing left to review here.")).toBeVisible();

  // Running again keeps both kinds of decision.
  await page.getByRole("button", { name: "Run Align all again" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${rows} earlier decisions were kept` })).toBeVisible();
  await page.getByRole("link", { name: /^Rows of several outlets/ }).click();
  await expect(page.getByText("Nothing left to review here.")).toBeVisible();
  await page.getByRole("link", { name: /^Rejected/ }).click();
  await expect(page.getByRole("article")).toHaveCount(1);
  await expect(page.getByRole("article").first()).toContainText(rejectedQuote);
  await expect(page.getByRole("button", { name: /^Review again/ })).toBeVisible();

  // What only one outlet reports.
  await page.getByRole("link", { name: /^Only in one outlet/ }).click();
  const omission = page.getByRole("article").filter({ has: page.getByRole("heading", { name: /^#\d+ Only in \S/ }) }).first();
  await expect(omission).toBeVisible();
  await expect(omission.getByText("Not reported")).toHaveCount(0);
  await shot("align-only-in");

  // Keyboard: the first card's Accept button is reachable and labelled.
  await page.getByRole("article").first().getByRole("button", { name: /^Reject proposal/ }).focus();
  await page.keyboard.press("Shift+Tab");
  await expect(page.getByRole("article").first().getByRole("button", { name: /^Accept proposal/ })).toBeFocused();

  await page.getByRole("link", { name: /^Accepted/ }).click();
  await shot("align-accepted");
  const factRowLink = page.getByRole("article").filter({ hasText: acceptedQuote }).getByRole("link");
  const label = (await factRowLink.textContent())!.replace(/^“|”$/g, "");
  await page.getByRole("navigation", { name: "Comparison" }).getByRole("link", { name: "Fact rows" }).click();
  await expect(page.getByRole("heading", { level: 2, name: label })).toBeVisible();
  await expect(page.getByRole("region", { name: label })).toContainText(acceptedQuote);
  // The accepted rows' Terms strips name the words that differ between outlets.
  await expect(page.getByRole("group", { name: /^Differing terms in/ }).filter({ hasText: "replaced by" }).first()).toBeVisible();

  // The report's Omissions, per outlet, with the threshold stated.
  await page.getByRole("navigation", { name: "Comparison" }).getByRole("link", { name: "Report" }).click();
  await expect(page.getByRole("heading", { name: "By outlet" })).toBeVisible();
  await expect(page.getByText(/no counterpart scoring ≥ 0\.\d\d in another outlet/)).toBeVisible();
  await expect(page.getByRole("article", { name: /^Omissions of / }).filter({ hasText: /Only in .+ \(\d+ passages?\):/ }).first()).toBeVisible();
  await page.getByRole("heading", { name: "By outlet" }).scrollIntoViewIfNeeded();
  await keepScreenshot(page, "report-omissions");
});
