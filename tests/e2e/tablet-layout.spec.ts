import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO, keepScreenshot, signInDirectly, test } from "./helpers";

// A tablet in portrait: 768 px wide, a touch screen (so `pointer: coarse` applies).
const TABLET = { viewport: { width: 768, height: 1024 }, hasTouch: true };
const ANA = { email: "student.ana@parallax.example", password: DEMO.password };
const COMPARISON = "/w/demo-newsroom/c/marrowick-barrier-flood";

async function tablet(browser: Browser, account: { email: string; password: string }) {
  const page = await (await browser.newContext(TABLET)).newPage();
  await signInDirectly(page, account.email, account.password);
  return page;
}

/** The page body does not scroll sideways, and the header's links and the page's buttons and tabs are at least 44 px to tap. */
async function checkPage(page: Page, name: string) {
  await expect(page.locator("main").getByRole("heading").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name}: the page body scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
  const short = await page.locator(".site-nav a, .user-menu a, .tabs a, main .button").evaluateAll((all) =>
    all.filter((el) => el.getBoundingClientRect().height > 0 && el.getBoundingClientRect().height < 43.5).map((el) => el.textContent?.trim()),
  );
  expect(short, `${name}: controls under 44 px tall`).toEqual([]);
  await keepScreenshot(page, `768-${name}`, { fullPage: true });
}

test("at 768 px on a touch screen no main page scrolls sideways and the controls are big enough to tap", async ({ browser }) => {
  test.setTimeout(240_000);
  const page = await tablet(browser, DEMO);
  const pages: [string, string][] = [
    ["workspace", "/w/demo-newsroom"],
    ["comparison", `${COMPARISON}/sources`],
    ["side-by-side", COMPARISON],
    ["fact-rows", `${COMPARISON}/fact-rows`],
    ["annotate", `${COMPARISON}/annotate`],
    ["report", `${COMPARISON}/report`],
    ["agreement", `${COMPARISON}/agreement`],
    ["align", `${COMPARISON}/align`],
    ["outlets", "/w/demo-newsroom/outlets"],
    ["search", "/w/demo-newsroom/search?q=barrier"],
  ];
  for (const [name, path] of pages) {
    await page.goto(path);
    await checkPage(page, name);
  }

  // The share page of the published report (withdrawn again afterwards: other journeys start unpublished).
  await page.goto(`${COMPARISON}/report`);
  await page.getByRole("button", { name: "Publish report" }).click();
  const link = page.getByLabel("Share link");
  await expect(link).toHaveValue(/\/r\//);
  try {
    await checkPage(page, "report-published");
    await page.goto(new URL(await link.inputValue()).pathname);
    await checkPage(page, "share");
  } finally {
    await page.goto(`${COMPARISON}/report`);
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Withdraw link" }).click();
    await expect(page.getByText("Not published: only members of this workspace can see the report.")).toBeVisible();
  }

  // A student's results in the demo class (Ana has submitted).
  const ana = await tablet(browser, ANA);
  await ana.goto("/w/demo-class");
  await ana.getByRole("link", { name: "Who steers the story?" }).first().click();
  await ana.getByRole("link", { name: "See the results" }).click();
  await expect(ana).toHaveURL(/\/results$/);
  await checkPage(ana, "class-results");
});
