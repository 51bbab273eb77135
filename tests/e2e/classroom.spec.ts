import { readFile } from "node:fs/promises";
import { expect, type Browser, type Page } from "@playwright/test";
import { keepScreenshot, pasteSource, signIn, test, uniqueEmail } from "./helpers";

const PASSWORD = "classroom passphrase";

// Two short articles written for this test about an invented school closure.
const HARBOUR_TIMES = [
  "Reckless officials shut the Eastside school on Monday, abandoning three hundred pupils.",
  "",
  "Parents called the move a betrayal and said the council had ignored them for months.",
].join("\n");
const VALLEY_POST = "The council paused lessons at the Eastside school on Monday while engineers check the roof.";

async function signUp(page: Page, name: string) {
  const email = uniqueEmail(name.toLowerCase().replace(/\W+/g, "."));
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  return email;
}

async function addSource(page: Page, text: string, title: string, outlet: string) {
  await pasteSource(page, { text, title, outlet });
  await expect(page.getByRole("row", { name: new RegExp(title) })).toBeVisible();
}

async function annotate(page: Page, words: string, tag: string, comment = "") {
  await page.getByLabel("Find words to annotate").fill(words);
  await page.getByRole("button", { name: "Select", exact: true }).click();
  const form = page.getByRole("region", { name: "New annotation" });
  await expect(form).toContainText(words);
  await form.getByRole("group", { name: "Framing devices" }).getByLabel(tag, { exact: true }).check();
  if (comment) await form.getByLabel("Comment (optional)").fill(comment);
  await form.getByRole("button", { name: "Save annotation" }).click();
  await expect(page.getByText("Annotation saved.")).toBeVisible();
}

const panelQuotes = (page: Page) => page.getByRole("list", { name: "Annotations in text order" }).locator(".annotation-card__quote");

/** Someone signs up with the class's join link: they land on the class, which tells them to wait for the teacher and shows nothing else. */
async function joinWithLink(browser: Browser, joinLink: string, name: string, shot: (page: Page, name: string) => Promise<unknown>) {
  const page = await (await browser.newContext()).newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await page.goto(joinLink);
  await expect(page.getByRole("heading", { name: "Join Media literacy 9B" })).toBeVisible();
  await shot(page, "join");
  const email = await signUp(page, name);
  await expect(page).toHaveURL(/\/w\/media-literacy-9b[\w-]*$/);
  await expect(page.getByRole("heading", { name: "Waiting for your teacher" })).toBeVisible();
  await expect(page.getByText(/Your teacher has to admit you before you see its assignments/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "My assignments" })).toHaveCount(0);
  await expect(page.getByText("Who is to blame?")).toHaveCount(0);
  return { page, email };
}

/** Once admitted, the class shows its assignments: open the one of this journey. */
async function openAssignment(page: Page) {
  await page.reload();
  await expect(page.getByRole("heading", { name: "My assignments" })).toBeVisible();
  await page.getByRole("link", { name: "Who is to blame?" }).click();
  await expect(page.getByRole("heading", { name: "Who is to blame?" })).toBeVisible();
  await expect(page.getByText("Live: your work is saved as you go")).toBeVisible();
}

test("a class: teacher sets an assignment with a key, admits the students who asked to join, they work blind, submit, see their scores; the teacher sees all", async ({ browser }) => {
  test.setTimeout(240_000);
  const shot = (page: Page, name: string) => keepScreenshot(page, name, { fullPage: true });

  // The teacher signs up, creates a class, a comparison with two articles, and an assignment.
  const teacher = await (await browser.newContext()).newPage();
  teacher.on("dialog", (dialog) => void dialog.accept());
  await teacher.goto("/sign-up");
  await signUp(teacher, "Tara Teacher");
  await expect(teacher).toHaveURL(/\/workspaces$/);
  await teacher.getByLabel("Workspace name").fill("Media literacy 9B");
  await teacher.getByRole("radio", { name: /^Class: you teach/ }).check();
  await teacher.getByRole("button", { name: "Create workspace" }).click();
  await expect(teacher.getByRole("heading", { name: "Students join with this code" })).toBeVisible();
  const classUrl = teacher.url();
  const joinLink = await teacher.getByLabel("Or send them this link").inputValue();
  expect(joinLink).toMatch(/\/join\/[2-9B-DF-HJ-NP-TV-Z]{4}-[2-9B-DF-HJ-NP-TV-Z]{4}$/);

  await teacher.getByLabel("Title").fill("Eastside school closure");
  await teacher.getByRole("button", { name: "Create comparison" }).click();
  await expect(teacher).toHaveURL(/\/sources$/);
  await addSource(teacher, HARBOUR_TIMES, "School shut", "Harbour Times");
  await addSource(teacher, VALLEY_POST, "Lessons paused", "Valley Post");

  await teacher.goto(classUrl);
  await shot(teacher, "class-home-teacher");
  await teacher.getByRole("link", { name: "New assignment from Eastside school closure" }).click();
  await expect(teacher.getByRole("heading", { name: "New assignment" })).toBeVisible();
  await teacher.getByLabel("Title").fill("Who is to blame?");
  await teacher.getByLabel("Instructions (optional)").fill("Tag loaded words and labels for people in both articles.");
  const framing = teacher.getByRole("group", { name: "Framing devices" });
  await framing.getByLabel("Loaded language", { exact: true }).check();
  await framing.getByLabel("Labeling", { exact: true }).check();
  await shot(teacher, "assignment-form");
  await teacher.getByRole("button", { name: "Create assignment" }).click();
  await expect(teacher.getByRole("heading", { name: "Who is to blame?" })).toBeVisible();
  const dashboardUrl = teacher.url();

  // The key: the teacher's own annotations in the assignment.
  await teacher.getByRole("link", { name: "Write the key" }).click();
  await expect(teacher.getByRole("heading", { name: "Answer key: Who is to blame?" })).toBeVisible();
  await annotate(teacher, "Reckless officials", "Loaded language", "Judges the officials before saying what they did.");
  await annotate(teacher, "abandoning", "Loaded language", "Abandoning implies neglect; the Valley Post says the lessons were paused.");

  // Two students join with the link, signing up on the spot; they see nothing of the class
  // until the teacher admits them from the roster, where they are listed with their email.
  const { page: ana, email: anaEmail } = await joinWithLink(browser, joinLink, "Ana Student", shot);
  const { page: ben, email: benEmail } = await joinWithLink(browser, joinLink, "Ben Student", shot);
  await shot(ana, "waiting");
  await teacher.goto(classUrl);
  await expect(teacher.getByText("2 people are waiting to join the class")).toBeVisible();
  await teacher.getByRole("link", { name: "admit or refuse them on the roster" }).click();
  const waiting = teacher.getByRole("table", { name: "People waiting to join Media literacy 9B" });
  await expect(waiting.getByRole("row", { name: /Ana Student/ })).toContainText(anaEmail);
  await expect(waiting.getByRole("row", { name: /Ben Student/ })).toContainText(benEmail);
  await shot(teacher, "roster-waiting");
  await teacher.getByRole("button", { name: "Admit all (2)" }).click();
  await expect(teacher.getByText(/^Nobody is waiting\./)).toBeVisible();
  const roster = teacher.getByRole("table", { name: "Members of Media literacy 9B" });
  await expect(roster.getByRole("row", { name: /Ana Student/ })).toContainText("Student");
  await expect(roster.getByRole("row", { name: /Ben Student/ })).toContainText("Student");
  await openAssignment(ana);
  await openAssignment(ben);

  // A throw-away second account made with the same link sees nothing until admitted, and once
  // admitted, submitting empty work is refused: it does not unlock the key or the class's work.
  const { page: spare } = await joinWithLink(browser, joinLink, "Zed Spare", shot);
  await teacher.reload();
  await teacher.getByRole("button", { name: "Admit Zed Spare" }).click();
  await expect(roster.getByRole("row", { name: /Zed Spare/ })).toBeVisible();
  await openAssignment(spare);
  await spare.getByRole("button", { name: "Submit my work" }).click();
  await expect(spare.getByRole("alert").filter({ hasText: "Add at least one annotation before you submit" })).toBeVisible();
  await expect(spare.getByRole("link", { name: "See the results" })).toHaveCount(0);
  await spare.goto(`${spare.url()}/results`);
  await expect(spare.getByText("The class's work and the key are not revealed to you yet.")).toBeVisible();
  await shot(spare, "empty-submission");

  // The admitted students work without seeing each other.
  const picker = ana.getByRole("group", { name: "Framing devices" });
  await ana.getByLabel("Find words to annotate").fill("Reckless");
  await ana.getByRole("button", { name: "Select", exact: true }).click();
  await expect(picker.getByRole("checkbox")).toHaveCount(2);
  await ana.getByRole("button", { name: "Cancel" }).click();
  await annotate(ana, "Reckless officials", "Loaded language");
  await annotate(ana, "betrayal", "Loaded language");
  await annotate(ben, "abandoning", "Loaded language");
  await shot(ana, "student-work");
  await ben.reload();
  await ana.reload();
  await expect(panelQuotes(ben)).toHaveText(["“abandoning”"]);
  await expect(panelQuotes(ana)).toHaveText(["“Reckless officials”", "“betrayal”"]);
  await expect(ana.getByText("Tara Teacher")).toHaveCount(0);

  // Ana submits: her work locks and the results show her score against the key.
  await ana.getByRole("button", { name: "Submit my work" }).click();
  await expect(ana.getByText(/You have submitted this assignment/)).toBeVisible();
  await ana.getByRole("link", { name: "See the results" }).click();
  await expect(ana.getByRole("heading", { name: "Your score against the key" })).toBeVisible();
  const figures = ana.getByRole("region", { name: "Your score against the key" });
  // Ana tagged 3 words (Reckless officials, betrayal); the key has 3 (Reckless officials, abandoning); 2 match.
  await expect(figures.getByRole("definition")).toHaveText(["67%", "67%", "67%"]);
  await ana.getByText("Why the key tags these words").click();
  await expect(ana.getByText("Judges the officials before saying what they did.")).toBeVisible();
  await shot(ana, "results");
  // Ben, not submitted yet, still sees only his own work, and no results.
  await ben.reload();
  await expect(panelQuotes(ben)).toHaveText(["“abandoning”"]);
  await ben.goto(`${ben.url()}/results`);
  await expect(ben.getByText("The class's work and the key are not revealed to you yet.")).toBeVisible();
  await ben.goBack();
  await ben.getByRole("button", { name: "Submit my work" }).click();
  await ben.getByRole("link", { name: "See the results" }).click();
  await expect(ben.getByRole("region", { name: "Your score against the key" }).getByRole("definition")).toHaveText(["100%", "33%", "50%"]);

  // The teacher's dashboard: statuses, scores, agreement; the grades download.
  await teacher.goto(dashboardUrl);
  const students = teacher.getByRole("table", { name: "Each student's status, when they first saw the key, and their score against the key" });
  await expect(students.getByRole("row", { name: /Ana Student/ })).toContainText("Submitted");
  await expect(students.getByRole("row", { name: /Ana Student/ }).getByRole("cell").nth(1)).toHaveText(/\d{4}/);
  await expect(students.getByRole("row", { name: /Zed Spare/ })).toContainText("Not yet");
  await expect(students.getByRole("row", { name: /Ana Student/ })).toContainText("67%");
  await expect(students.getByRole("row", { name: /Ben Student/ })).toContainText("50%");
  await expect(teacher.getByRole("region", { name: "Class agreement" })).toContainText(/between the 2 students who annotated.*: -?\d\.\d\d/);
  await shot(teacher, "dashboard");
  await teacher.getByRole("link", { name: "Edit the key" }).click();
  await expect(teacher.getByRole("heading", { name: "Answer key: Who is to blame?" })).toBeVisible();
  await expect(panelQuotes(teacher)).toHaveText(["“Reckless officials”", "“abandoning”"]);
  await shot(teacher, "key");
  await teacher.goBack();
  const [download] = await Promise.all([teacher.waitForEvent("download"), teacher.getByRole("link", { name: "Download grades (CSV)" }).click()]);
  expect(download.suggestedFilename()).toBe("grades-who-is-to-blame.csv");
  const csv = await readFile((await download.path())!, "utf8");
  const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
  expect(csv.startsWith("\uFEFF")).toBe(true);
  expect(lines[0]).toBe("Student,Email,Status,Submitted at (UTC),First saw the key (UTC),Annotations,Words matching the key,Words tagged,Words in the key,Precision,Recall,F1");
  expect(lines.slice(1).map((l) => l.split(",").filter((_, i) => [0, 2, 5, 9, 10, 11].includes(i)))).toEqual([
    ["Ana Student", "Submitted", "2", "0.667", "0.667", "0.667"],
    ["Ben Student", "Submitted", "1", "1", "0.333", "0.5"],
    ["Zed Spare", "Not started", "0", "", "0", "0"],
  ]);
  expect(lines[1]!.split(",")[4]).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/);

  // Students reach the comparison only through their assignment: its own pages send them back.
  await ana.goto(`${classUrl}/c/eastside-school-closure/taxonomy`);
  await expect(ana).toHaveURL(classUrl);

  // Ben forgot his password: the teacher gives him a new one on the roster; his session ends.
  await teacher.goto(`${classUrl}/members`);
  await teacher.getByRole("button", { name: "Reset password of Ben Student" }).click();
  const password = await teacher.getByLabel("New password for Ben Student").inputValue();
  expect(password).toMatch(/^[2-9B-DF-HJ-NP-TV-Z]{4}(-[2-9B-DF-HJ-NP-TV-Z]{4}){3}$/);
  await shot(teacher, "roster");
  await ben.reload();
  await expect(ben).toHaveURL(/\/sign-in\?callbackUrl=/);
  await signIn(ben, benEmail, password);
});
