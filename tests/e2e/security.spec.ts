import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { DEMO, signIn, signInDirectly, signOut } from "./helpers";

interface CspViolation {
  path: string;
  directive: string;
  blocked: string;
  sample: string;
  file: string;
}

declare global {
  interface Window {
    /** Set by every hostile payload below: defined only if one of them ran. */
    __xss?: unknown;
    /** Bound by watchPage: hands a page's CSP violation reports to the test. */
    reportCspViolation?: (report: CspViolation) => void;
  }
}

const DEMO_COMPARISON = "/w/demo-newsroom/c/marrowick-barrier-flood";

/** What must be in a page's policy besides the script nonce (the complete list is in proxy.ts). */
const PAGE_DIRECTIVES = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
];

function directives(policy: string | undefined): string[] {
  return (policy ?? "").split(";").map((directive) => directive.trim());
}

function expectCommonHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["permissions-policy"]).toBe("camera=(), microphone=(), geolocation=()");
}

/**
 * Collects everything that would show a script was injected, whether it ran or the policy
 * stopped it: CSP violation events and console complaints, and dialogs (which are
 * dismissed, so a stray alert() cannot hang the test). Every refusal is a failure, eval
 * included (lib/schemas/zod.ts turns off zod's eval probe).
 */
async function watchPage(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("reportCspViolation", (report: CspViolation) => {
    problems.push(`${report.path}: ${report.directive} refused ${report.blocked || "inline code"} (${report.file}) ${report.sample}`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      window.reportCspViolation?.({
        path: location.pathname,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        sample: event.sample,
        file: `${event.sourceFile}:${event.lineNumber}`,
      });
    });
  });
  page.on("console", (message) => {
    if (message.type() === "error" && message.text().includes("Content Security Policy")) problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("dialog", (dialog) => {
    problems.push(`${page.url()}: a ${dialog.type()} dialog opened: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}

/** Nothing hostile ran, was blocked, or made it into the page as markup. */
async function expectInert(page: Page, problems: string[]) {
  expect(await page.evaluate(() => window.__xss), `a payload ran on ${page.url()}`).toBeUndefined();
  const markup = page.locator('img[src="x"], [onerror], [onload], [onclick], a[href^="javascript:" i]');
  await expect(markup, `payload markup on ${page.url()}`).toHaveCount(0);
  expect(problems).toEqual([]);
}

test("pages and API responses carry the security headers, and every page script carries the response's nonce", async ({ request }) => {
  const page = await request.get("/sign-in");
  expect(page.status()).toBe(200);
  expectCommonHeaders(page);
  const policy = directives(page.headers()["content-security-policy"]);
  expect(policy).toEqual(expect.arrayContaining(PAGE_DIRECTIVES));
  const scriptSrc = policy.find((directive) => directive.startsWith("script-src "));
  const nonce = scriptSrc?.match(/'nonce-([A-Za-z0-9+/]+={0,2})'/)?.[1];
  expect(nonce, scriptSrc).toBeTruthy();
  expect(scriptSrc).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);

  const scripts = (await page.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  const again = await request.get("/sign-in");
  expect(again.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);

  const api = await request.get("/api/health");
  expect(api.status()).toBe(200);
  expectCommonHeaders(api);
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  const refused = await request.get("/api/comparisons/none/annotations");
  expect(refused.status()).toBe(401);
  expectCommonHeaders(refused);
});

test("a normal journey through every page raises no policy violation, and the session cookie stays out of scripts' reach", async ({ page, context }) => {
  test.setTimeout(120_000);
  const problems = await watchPage(page);

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Same facts. Different stories." })).toBeVisible();
  await page.goto("/sign-up");
  await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();
  await signIn(page, DEMO.email, DEMO.password);

  const session = (await context.cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  // next-auth marks its cookies Secure (and __Secure-/__Host- prefixed) when NEXTAUTH_URL is https.
  expect(session?.secure).toBe(page.url().startsWith("https:"));
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");

  await page.getByRole("link", { name: /Demo newsroom/ }).click();
  await expect(page.getByRole("link", { name: /Marrowick tidal barrier/ })).toBeVisible();
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("button", { name: "Invite" })).toBeVisible();

  await page.goto(DEMO_COMPARISON);
  await page.getByLabel("Find words in Coastline Wire").fill("emergency management office");
  await page.getByRole("button", { name: "Select in Coastline Wire" }).click();
  await expect(page.getByRole("region", { name: "Selected passage" })).toContainText("Coastline Wire:");

  const tabs = page.getByRole("navigation", { name: "Comparison" });
  await tabs.getByRole("link", { name: "Fact rows" }).click();
  await expect(page).toHaveURL(/\/fact-rows$/);
  await tabs.getByRole("link", { name: "Sources" }).click();
  await page.getByRole("table").getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: /Current text/ })).toBeVisible();
  await page.goto(`${DEMO_COMPARISON}/annotate`);
  // The live panel needs both the page's scripts and the server-sent events route.
  await expect(page.getByText("Live: others' changes appear here")).toBeVisible();
  await tabs.getByRole("link", { name: "Agreement" }).click();
  await expect(page.getByRole("heading", { name: "Agreement between reviewers" })).toBeVisible();
  await tabs.getByRole("link", { name: "Taxonomy", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Taxonomy" })).toBeVisible();
  await page.goto("/profile");
  await expect(page.getByRole("heading", { level: 1, name: "Profile" })).toBeVisible();
  await signOut(page);

  expect(problems).toEqual([]);
});

test("hostile markup in titles, names, texts, tags, comments and uploads is shown as text and never runs", async ({ page }) => {
  test.setTimeout(180_000);
  const problems = await watchPage(page);
  const run = Date.now().toString(36);
  const script = "<script>window.__xss=1</script>";
  const img = "<img src=x onerror=window.__xss=1>";
  const alerting = "<svg onload=alert(document.domain)>";
  const workspaceName = `${alerting} Desk ${run}`;
  const title = `<img src=x onerror="window.__xss=1">Title ${run}`;
  const sourceTitle = `${script} Pasted ${run}`;
  const outlet = `${img} Outlet ${run}`;
  const uploadOutlet = `${alerting} Wire ${run}`;
  const uploadTitle = `<img src=x onerror=alert(1)> Uploaded ${run}`;
  const tagName = `${img} Tag ${run}`;
  const guideline = `Apply when ${script} appears.`;
  const rowLabel = `${script} Row ${run}`;
  const comment = `See ${img} and <a href="javascript:window.__xss=1">this link</a>.`;
  const pasted = [
    "Harbour officials said the barrier held overnight while crews checked the gates.",
    `Readers sent this markup: ${script} and ${img} and ${alerting}.`,
    'A link that must stay inert: <a href="javascript:window.__xss=1">read more</a>, [a markdown link](javascript:alert(1)) and javascript:alert(1).',
    "The council will meet again on Monday to review the repairs.",
  ].join("\n\n");
  const uploaded = `<!doctype html>
<html>
<head>
<title>&lt;img src=x onerror=alert(1)&gt; Uploaded ${run}</title>
<meta http-equiv="refresh" content="0; url=javascript:window.__xss=1">
<script>window.__xss = 1; alert("head script");</script>
</head>
<body onload="window.__xss=1">
<article>
<h1>&lt;img src=x onerror=alert(1)&gt; Uploaded ${run}</h1>
<p onclick="window.__xss=1" onmouseover="window.__xss=1">The uploaded page describes the storm surge and the flooded streets of the district in some detail, as uploaded pages often do.</p>
<p>Escaped markup stays as words: &lt;script&gt;window.__xss=1&lt;/script&gt; and nothing runs when the page is read.</p>
<p><a href="javascript:window.__xss=1">A javascript link</a> sits beside <img src="x" onerror="window.__xss=1"> an image and <svg onload="alert(2)"></svg> a drawing.</p>
<script>document.write('<img src=x onerror=window.__xss=1>')</script>
</article>
</body>
</html>`;

  await signInDirectly(page, DEMO.email, DEMO.password);
  await page.getByLabel("Workspace name").fill(workspaceName);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/[^/?]+(\?.*)?$/);
  const workspace = new URL(page.url()).pathname;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create comparison" }).click();
  await expect(page).toHaveURL(/\/c\/[^/]+\/sources$/);
  const base = new URL(page.url()).pathname.replace(/\/sources$/, "");

  // Paste: a javascript: address is refused, and the rest is kept as typed.
  await page.getByLabel("Article text").fill(pasted);
  await page.getByLabel("Title", { exact: true }).fill(sourceTitle);
  await page.getByLabel("Outlet", { exact: true }).selectOption({ label: "New outlet…" });
  await page.getByLabel("New outlet's name").fill(outlet);
  await page.getByLabel("Original web address (optional)").fill("javascript:window.__xss=1");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByText("Enter a web address starting with http:// or https://.").first()).toBeVisible();
  await page.getByLabel("Original web address (optional)").fill("");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByText("Source added.")).toBeVisible();

  await page.getByText("Upload a file").click();
  await page.getByLabel(/^File \(/).setInputFiles({ name: "hostile.html", mimeType: "text/html", buffer: Buffer.from(uploaded) });
  await page.getByLabel("Outlet", { exact: true }).selectOption({ label: "New outlet…" });
  await page.getByLabel("New outlet's name").fill(uploadOutlet);
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(3);

  const tabs = page.getByRole("navigation", { name: "Comparison" });
  await tabs.getByRole("link", { name: "Taxonomy", exact: true }).click();
  const framing = page.getByRole("region", { name: "Framing devices" });
  await framing.getByText("Add a tag to Framing devices").click();
  const add = framing.getByRole("form", { name: "Add a tag to Framing devices" });
  await add.getByLabel("Name").fill(tagName);
  await add.getByLabel("Coding guideline (optional)").fill(guideline);
  await add.getByRole("button", { name: "Add tag" }).click();
  await expect(add.getByRole("status")).toHaveText(`Added “${tagName}”.`);

  await tabs.getByRole("link", { name: "Side by side" }).click();
  await page.getByLabel(`Find words in ${outlet}`).fill("council will meet again");
  await page.getByRole("button", { name: `Select in ${outlet}` }).click();
  const passage = page.getByRole("region", { name: "Selected passage" });
  await passage.getByLabel("Fact row", { exact: true }).selectOption({ label: "New fact row…" });
  await passage.getByLabel("Label of the new fact row").fill(rowLabel);
  await passage.getByRole("button", { name: "Add to fact row" }).click();
  await expect(passage.getByText(/^Added .* passage to/)).toBeVisible();

  await tabs.getByRole("link", { name: "Annotate" }).click();
  await page.getByRole("group", { name: "Source" }).getByRole("button", { name: outlet }).click();
  await page.getByLabel("Find words to annotate").fill("barrier held overnight");
  await page.getByRole("button", { name: "Select", exact: true }).click();
  const form = page.getByRole("region", { name: "New annotation" });
  await form.getByLabel("Find a tag").fill(run);
  await form.getByRole("group", { name: "Framing devices" }).getByLabel(tagName, { exact: true }).check();
  await form.getByLabel("Comment (optional)").fill(comment);
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(page.getByText("Annotation saved.")).toBeVisible();

  // Every page that shows one of the values, opened afresh: server-rendered and hydrated.
  const sources = `${base}/sources`;
  await page.goto(sources);
  const sourceLinks = page.getByRole("table").getByRole("link");
  await expect(sourceLinks.filter({ hasText: sourceTitle })).toBeVisible();
  await expect(sourceLinks.filter({ hasText: uploadTitle })).toBeVisible();
  const pastedPage = await sourceLinks.filter({ hasText: sourceTitle }).getAttribute("href");
  const uploadPage = await sourceLinks.filter({ hasText: uploadTitle }).getAttribute("href");
  const shows: [string, string[]][] = [
    ["/workspaces", [workspaceName]],
    [workspace, [workspaceName, title]],
    [base, [title, outlet, uploadOutlet, script, img, alerting, 'href="javascript:window.__xss=1"', "<script>window.__xss=1</script> and nothing runs"]],
    [`${base}/fact-rows`, [title, rowLabel, outlet, uploadOutlet]],
    [sources, [workspaceName, title, outlet, uploadOutlet, sourceTitle, uploadTitle]],
    [pastedPage!, [outlet, sourceTitle]],
    [uploadPage!, [uploadOutlet, uploadTitle]],
    [`${base}/annotate`, [title, outlet, sourceTitle, tagName, comment]],
    [`${base}/agreement`, [title]],
    [`${base}/taxonomy`, [title, tagName, guideline]],
  ];
  for (const [path, texts] of shows) {
    await page.goto(path);
    for (const text of texts) await expect(page.getByText(text).filter({ visible: true }).first(), `“${text}” on ${path}`).toBeVisible();
    await expectInert(page, problems);
  }

  // The editable texts show the markup in their text boxes, as text.
  await page.goto(pastedPage!);
  await page.getByRole("button", { name: "Edit text" }).click();
  await expect(page.getByLabel(/Text of revision/)).toHaveValue(pasted);
  await page.goto(uploadPage!);
  await page.getByRole("button", { name: "Edit text" }).click();
  const extracted = await page.getByLabel(/Text of revision/).inputValue();
  expect(extracted).toContain("<script>window.__xss=1</script> and nothing runs");
  expect(extracted).not.toContain("head script");
  expect(extracted).not.toContain("document.write");
  await expectInert(page, problems);
});

// Bad input: an upload over the limit, and names and titles with direction controls.

/** A workspace and a comparison of one's own, so nothing here changes the demo's. */
async function freshComparison(page: Page, run: string): Promise<string> {
  await page.goto("/workspaces");
  await page.getByLabel("Workspace name").fill(`Bad input ${run}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/[^/?]+(\?.*)?$/);
  await page.getByLabel("Title").fill(`Limits ${run}`);
  await page.getByRole("button", { name: "Create comparison" }).click();
  await expect(page).toHaveURL(/\/c\/[^/]+\/sources$/);
  return new URL(page.url()).pathname;
}

test("a file of the wrong kind is refused with what to do, keeps what was typed, and the next file goes through", async ({ page }) => {
  const run = Date.now().toString(36);
  await signInDirectly(page, DEMO.email, DEMO.password);
  await freshComparison(page, run);

  await page.getByText("Upload a file").click();
  await page.getByLabel("Title").fill(`Gates ${run}`);
  const file = page.getByLabel(/^File \(/);
  await file.setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4 not an article") });
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByText("“scan.pdf” is not a supported file type.", { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("radio", { name: "Upload a file" })).toBeChecked();
  await expect(page.getByLabel("Title")).toHaveValue(`Gates ${run}`);

  await file.setInputFiles({ name: "gates.txt", mimeType: "text/plain", buffer: Buffer.from(`Harbour gates ${run}\n\nThe gates held overnight.`) });
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByText("Source added.")).toBeVisible();
  await expect(page.getByRole("table").getByRole("row", { name: new RegExp(`Gates ${run}`) })).toBeVisible();
  // Cleared for the next article, and what it shows is what it sends.
  await expect(page.getByLabel("Title")).toHaveValue("");
  await expect(page.getByRole("radio", { name: "Paste text" })).toBeChecked();
  await expect(page.getByLabel("Article text")).toBeVisible();
});

test("an upload over the limit is refused with its size and the limit, in the page and over HTTP (413), and another file then goes through", async ({ page }) => {
  const run = Date.now().toString(36);
  await signInDirectly(page, DEMO.email, DEMO.password);
  const sources = await freshComparison(page, run);

  const huge = Buffer.alloc(12_897_484, "a");
  await page.getByText("Upload a file").click();
  const file = page.getByLabel(/^File \(/);
  await file.setInputFiles({ name: "huge.txt", mimeType: "text/plain", buffer: huge });
  const refusal = "“huge.txt” is 12.3 MB (12,897,484 bytes); files can be at most 1 MB (1,048,576 bytes). Upload a smaller file or paste the article's text.";
  await expect(page.getByText(refusal)).toBeVisible();
  await expect(file).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByText(refusal)).toBeVisible();

  await file.setInputFiles({ name: "fits.txt", mimeType: "text/plain", buffer: Buffer.from(`Harbour gates ${run}\n\nThe gates were checked overnight and held.`) });
  await expect(page.getByText(refusal)).toHaveCount(0);
  await page.getByRole("button", { name: "Add source" }).click();
  await expect(page.getByText("Source added.")).toBeVisible();
  await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);

  // A browser without scripts (or a script) posting the form straight to the server.
  const response = await page.request.post(sources, {
    headers: { "content-type": "multipart/form-data; boundary=parallax", "next-action": "0".repeat(42) },
    data: huge,
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toBe(
    "The form sent 12.3 MB (12,897,484 bytes); Parallax accepts at most 4 MB (4,194,304 bytes) per form and 1 MB (1,048,576 bytes) per file. Go back, choose a smaller file or paste the article's text, and send it again.",
  );
});

test("direction controls are refused in titles, and names and titles are shown isolated from the text around them", async ({ page }) => {
  const run = Date.now().toString(36);
  await signInDirectly(page, DEMO.email, DEMO.password);
  const sources = await freshComparison(page, run);
  const workspace = sources.replace(/\/c\/.*$/, "");

  await page.goto(workspace);
  await page.getByLabel("Title").fill(`Invoice \u202efdp.exe ${run}`);
  await page.getByRole("button", { name: "Create comparison" }).click();
  await expect(page.locator("#field-title-error")).toHaveText(
    "The title contains a right-to-left override (U+202E), an invisible character that cannot be saved: remove it and try again.",
  );

  // A right-to-left title (no controls needed): isolated wherever it is shown inline.
  const title = `فيضان الميناء ${run}`;
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create comparison" }).click();
  await expect(page).toHaveURL(/\/c\/[^/]+\/sources$/);
  const shown = page.locator(".comparison-title bdi");
  await expect(shown).toHaveText(title);
  expect(await shown.evaluate((el) => getComputedStyle(el).unicodeBidi)).toBe("isolate");
  await page.goto(workspace);
  await expect(page.locator("h3 bdi", { hasText: title })).toBeVisible();
  await page.goto(sources);
  await expect(page.locator(".breadcrumbs bdi", { hasText: `Bad input ${run}` })).toBeVisible();
});

// The sign-in page takes where to go next from its address; a phishing link must not be
// able to send people from our sign-in to another site.
for (const callbackUrl of ["/\\evil.example", "/%09/evil.example", "//evil.example", "https://evil.example", "/%5Cevil.example", "/%252F/evil.example"]) {
  test(`after sign-in, callbackUrl=${callbackUrl} lands on the home page, not another host`, async ({ page }) => {
    await page.goto(`/sign-in?callbackUrl=${callbackUrl}`);
    await page.getByLabel("Email").fill(DEMO.email);
    await page.getByLabel("Password").fill(DEMO.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/workspaces$/);
    await expect(page.getByRole("heading", { name: "Workspaces" })).toBeVisible();
  });
}

test("after sign-in, a same-site callbackUrl is honoured", async ({ page }) => {
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/w/demo-newsroom/members")}`);
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/w\/demo-newsroom\/members$/);
});
