import type { Page } from "@playwright/test";
import { DEMO_PROJECT_PATH, expect, test } from "./fixtures";

// One problem's life, as each role drives it: an engineer logs it (problems.write
// is engineers' and admins'), a tester gives it 12 patterns (3 through the editor,
// one of them an image; 9 pasted into the import page), imports a file with a bad
// row and fixes it, edits a pattern and reads its history; a stakeholder reads
// everything and can change nothing. The steps share the problem, so they run in order.
test.describe.configure({ mode: "serial" });

const PROBLEMS_PATH = `${DEMO_PROJECT_PATH}/problems`;
const FORBIDDEN = "You don't have access to this page";
const TITLE = `Polite complaints read as neutral ${Date.now()}`;

// A 2×2 PNG, so the image input needs no fixture file.
const PNG_2X2 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWM4YaNxwkaDAUIBACNeBLHoo3lxAAAAAElFTkSuQmCC",
  "base64",
);

// Filled in by the steps, read by the later ones.
let problemKey = "";
let problemPath = "";
let editedPatternPath = "";

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const jsonInput = (text: string) => JSON.stringify({ text });

function csv(rows: string[][]): string {
  const header = ["problem", "name", "purpose", "origin", "input", "input_kind", "expect_kind", "expect_value", "notes"];
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\n") + "\n";
}

/** The problem's pattern table (the desktop viewport shows the table, not the narrow-screen list). */
const patternTable = (page: Page) => page.getByRole("table", { name: `Patterns of ${problemKey}` });

async function expectPatternCount(page: Page, count: number) {
  await expect(page.getByRole("heading", { name: `Patterns (${count})` })).toBeVisible();
  await expect(patternTable(page).getByRole("row")).toHaveCount(count + 1);
}

test("an engineer logs a problem and lands on its page with the next key", async ({ page, signInAs }) => {
  await signInAs("engineer", PROBLEMS_PATH);
  await page.getByRole("link", { name: "New problem" }).click();
  await expect(page.getByRole("heading", { name: "Log a problem" })).toBeVisible();

  await page.getByLabel("Title").fill(TITLE);
  await page.getByLabel("Severity").selectOption("high");
  await page.getByLabel("Target error rate (%)").fill("15");
  await page.getByLabel("Origin").fill("QA");
  await page.getByLabel("Description").fill("Complaints phrased politely (\"I had hoped…\") come out neutral, so support never sees them.");
  await page.getByRole("button", { name: "Log problem" }).click();

  await page.waitForURL(/\/problems\/SENT-\d+$/);
  problemKey = decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
  problemPath = `${PROBLEMS_PATH}/${encodeURIComponent(problemKey)}`;
  // The demo has SENT-1…SENT-5, so a new problem is at least SENT-6.
  expect(Number(problemKey.split("-")[1])).toBeGreaterThanOrEqual(6);
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText(problemKey);
  await expect(heading).toContainText(TITLE);
  await expect(page.getByText("error rate ≤ 15%")).toBeVisible();
  await expect(page.getByText("Complaints phrased politely")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Patterns (0)" })).toBeVisible();
  await expect(page.getByText("No patterns yet")).toBeVisible();
});

test("a tester cannot log problems, but adds 12 patterns to one: three in the editor (one an image), nine pasted into the import", async ({ page, signInAs }) => {
  test.slow();
  await signInAs("tester", PROBLEMS_PATH);
  await expect(page.getByRole("heading", { name: "Problems", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "New problem" })).toHaveCount(0);
  await page.goto(`${PROBLEMS_PATH}/new`);
  await expect(page.getByRole("heading", { name: FORBIDDEN })).toBeVisible();

  await page.goto(problemPath);
  await expect(page.getByRole("button", { name: "Edit problem" })).toHaveCount(0);

  // 1. An image input, expecting a label.
  await page.getByRole("link", { name: "Add pattern" }).click();
  await expect(page.getByRole("heading", { name: "New pattern" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("navigation", { name: "Breadcrumb" })).toContainText(problemKey);
  await page.getByLabel("Name").fill("Photo of a cracked screen, 'fine I guess'");
  await page.getByLabel("Purpose").selectOption("case");
  await page.getByLabel("Origin").selectOption("production");
  await page.getByLabel("Notes (optional)").fill("The customer sent only a photo.");
  await page.getByRole("radiogroup", { name: "Input kind" }).getByText("Image").click();
  await page.getByLabel("Image (PNG, JPEG or WebP, at most 5 MB)").setInputFiles({ name: "cracked-screen.png", mimeType: "image/png", buffer: PNG_2X2 });
  await expect(page.getByText("2 × 2 px, uploaded.")).toBeVisible();
  await expect(page.getByRole("img", { name: "Uploaded input image" })).toBeVisible();
  await page.getByLabel("How the output is judged").selectOption("equals");
  await page.getByLabel("Expected output").selectOption("negative");
  await page.getByRole("button", { name: "Add pattern" }).click();
  await page.waitForURL(/\/patterns\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "Photo of a cracked screen, 'fine I guess'" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Input of Photo of a cracked screen, 'fine I guess'" })).toBeVisible();
  await expect(page.getByText("equals negative", { exact: true })).toBeVisible();

  // 2. A text input; the one edited later.
  await page.goto(`${DEMO_PROJECT_PATH}/patterns/new?problem=${encodeURIComponent(problemKey)}`);
  await page.getByLabel("Name").fill("'I had hoped' it would last");
  await page.getByLabel("Purpose").selectOption("case");
  await page.getByLabel("Origin").selectOption("contrived");
  await page.getByRole("radiogroup", { name: "Input kind" }).getByText("Text").click();
  await page.getByLabel("Input text").fill("I had hoped it would last longer than a week.");
  await page.getByLabel("How the output is judged").selectOption("equals");
  await page.getByLabel("Expected output").selectOption("negative");
  await page.getByRole("button", { name: "Add pattern" }).click();
  await page.waitForURL(/\/patterns\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: "'I had hoped' it would last" })).toBeVisible();
  editedPatternPath = new URL(page.url()).pathname;

  // 3. A JSON input with a not_equals expectation; a control.
  await page.goto(`${DEMO_PROJECT_PATH}/patterns/new?problem=${encodeURIComponent(problemKey)}`);
  await page.getByLabel("Name").fill("Polite praise stays positive");
  await page.getByLabel("Purpose").selectOption("control");
  await page.getByLabel("Origin").selectOption("production");
  await page.getByLabel("Input (JSON, as the model receives it)").fill(jsonInput("I had hoped for a lot, and it delivered every bit of it."));
  await expect(page.getByText("Valid JSON", { exact: true })).toBeVisible();
  await page.getByLabel("How the output is judged").selectOption("not_equals");
  await page.getByLabel("The output must not be").selectOption("negative");
  await page.getByRole("button", { name: "Add pattern" }).click();
  await page.waitForURL(/\/patterns\/[^/]+$/);
  await expect(page.getByText("is not negative", { exact: true })).toBeVisible();

  // Three patterns: the coverage hint asks for more.
  await page.goto(problemPath);
  await expectPatternCount(page, 3);
  await expect(page.getByText("fewer than 10 patterns").first()).toBeVisible();
  await expect(page.getByRole("note")).toBeVisible();

  // 4–12: nine rows pasted into the import page.
  const texts = [
    "I would have appreciated a reply to my three emails.",
    "It is perhaps not quite what the description promised.",
    "I am somewhat disappointed that the lid does not close.",
    "With respect, the battery could last a little longer.",
    "Kindly note that the second one arrived broken as well.",
    "The colour is, regrettably, not the one I ordered.",
    "I had expected a bit more for the price, to be honest.",
    "Thank you for the quick delivery, everything works as described.",
    "It is a pleasure to use, I would buy it again.",
  ];
  const pasted = csv(
    texts.map((text, i) => {
      const control = i >= 7; // the last two are praise that must stay praise
      return [
        problemKey,
        control ? `Polite praise #${i + 1}` : `Polite complaint #${i + 1}`,
        control ? "control" : "case",
        i % 2 === 0 ? "production" : "contrived",
        i % 3 === 0 ? text : jsonInput(text),
        i % 3 === 0 ? "text" : "json",
        control ? "not_equals" : i % 2 === 0 ? "equals" : "not_equals",
        control ? "negative" : i % 2 === 0 ? "negative" : "neutral",
        "",
      ];
    }),
  );
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import patterns" })).toBeVisible();
  await page.getByLabel("…or paste the rows").fill(pasted);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("All 9 rows are valid.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Import preview" }).getByRole("row")).toHaveCount(10);
  await page.getByRole("button", { name: "Import 9 patterns" }).click();
  await expect(page.getByText("Imported 9 patterns.")).toBeVisible();

  await page.goto(problemPath);
  await expectPatternCount(page, 12);
  const thumbnail = patternTable(page).getByTestId("pattern-thumbnail");
  await expect(thumbnail).toHaveCount(1);
  // The thumbnail really loads (lazily, so bring it into view first).
  await thumbnail.scrollIntoViewIfNeeded();
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByText("fewer than 10 patterns")).toHaveCount(0);
  await expect(page.getByRole("note")).toHaveCount(0);
  await expect(page.getByText(/^✓\s*covered$/)).toBeVisible();
  await expect(page.getByText("12 (3 control · 7 production)")).toBeVisible();
});

test("a tester's import with a bad row is refused row by row until the file is fixed", async ({ page, signInAs }) => {
  await signInAs("tester", `${DEMO_PROJECT_PATH}/patterns/import`);
  const rows = (label: string) => [
    [problemKey, "Courteous refund request", "case", "production", jsonInput("I would be grateful for a refund, the zip broke."), "json", "equals", "negative", ""],
    [problemKey, "Understated disappointment", "case", "contrived", "Not entirely what I had in mind.", "text", "equals", label, "Imported from QA's sheet."],
    [problemKey, "Apologetic return", "case", "contrived", jsonInput("Sorry to be a bother, but I am sending it back."), "json", "not_equals", "positive", ""],
  ];
  const file = (label: string) => ({ name: "polite-complaints.csv", mimeType: "text/csv", buffer: Buffer.from(csv(rows(label))) });

  await page.getByLabel("File (CSV or JSONL, UTF-8, at most 5 MB)").setInputFiles(file("angry"));
  await expect(page.getByText("Using the chosen file “polite-complaints.csv”.")).toBeVisible();
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("1 of 3 rows need fixing")).toBeVisible();
  const preview = page.getByRole("table", { name: "Import preview" });
  // Spreadsheet numbering: the header is row 1, so the second data row is row 3.
  const bad = preview.getByRole("row").filter({ has: page.getByRole("cell", { name: "3", exact: true }) });
  await expect(bad).toContainText("Understated disappointment");
  await expect(bad).toContainText("expectation.value");
  await expect(bad).toContainText('not a label of this project: "angry"');
  await expect(preview.getByText(/^✓\s*valid$/)).toHaveCount(2);
  await expect(page.getByRole("button", { name: /^Import/ })).toBeDisabled();

  // Fix the file, choose it again, preview again.
  await page.getByLabel("File (CSV or JSONL, UTF-8, at most 5 MB)").setInputFiles(file("neutral"));
  await expect(page.getByRole("table", { name: "Import preview" })).toHaveCount(0);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("All 3 rows are valid.")).toBeVisible();
  await expect(preview.getByText(/^✓\s*valid$/)).toHaveCount(3);
  await page.getByRole("button", { name: "Import 3 patterns" }).click();
  await expect(page.getByText("Imported 3 patterns.")).toBeVisible();

  await page.goto(problemPath);
  await expectPatternCount(page, 15);
  await expect(patternTable(page).getByRole("link", { name: "Understated disappointment" })).toBeVisible();
  await expect(page.getByText(/^✓\s*covered$/)).toBeVisible();
});

test("a tester edits a pattern's expectation and its history shows both revisions with who, when and the diff", async ({ page, signInAs }) => {
  await signInAs("tester", editedPatternPath);
  await expect(page.getByRole("heading", { level: 1, name: "'I had hoped' it would last" })).toBeVisible();
  await expect(page.getByText("rev 1", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Edit pattern" }).click();
  await expect(page.getByRole("heading", { name: "Edit pattern (revision 1)" })).toBeVisible();
  await expect(page.getByLabel("Input text")).toHaveValue("I had hoped it would last longer than a week.");
  await expect(page.getByLabel("Expected output")).toHaveValue("negative");
  await page.getByLabel("How the output is judged").selectOption("not_equals");
  await page.getByLabel("The output must not be").selectOption("positive");
  await page.getByRole("button", { name: "Save changes" }).click();

  await page.waitForURL((url) => url.pathname === editedPatternPath);
  await expect(page.getByText("rev 2", { exact: true })).toBeVisible();
  await expect(page.getByText("is not positive", { exact: true })).toBeVisible();

  const revisions = page.getByRole("list", { name: "History" }).locator(":scope > li");
  await expect(revisions).toHaveCount(2);
  const [second, first] = [revisions.nth(0), revisions.nth(1)];
  await expect(second).toContainText("Revision 2");
  await expect(second).toContainText("current");
  await expect(second).toContainText("by Demo tester");
  await expect(second.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expect(second).toContainText("Expectation: equals negative → is not positive");
  const diff = second.getByLabel("Expectation changes in revision 2");
  await expect(diff).toContainText('removed: "kind": "equals"');
  await expect(diff).toContainText('added: "kind": "not_equals"');
  await expect(diff).toContainText('removed: "value": "negative"');
  await expect(diff).toContainText('added: "value": "positive"');
  // The input did not change, so there is no input diff.
  await expect(second.getByLabel("Input changes in revision 2")).toHaveCount(0);

  await expect(first).toContainText("Revision 1");
  await expect(first).not.toContainText("current");
  await expect(first).toContainText("by Demo tester");
  await expect(first.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d{2}-\d{2}T/);
  await expect(first).toContainText("First revision: equals negative.");

  // The problem's list shows the new revision too.
  await page.goto(problemPath);
  const row = patternTable(page).getByRole("row").filter({ has: page.getByRole("link", { name: "'I had hoped' it would last" }) });
  await expect(row).toContainText("is not positive");
  // The Rev column (the verdict columns of production and the newest version follow it).
  const revColumn = await patternTable(page).getByRole("columnheader").allTextContents();
  await expect(row.getByRole("cell").nth(revColumn.indexOf("Rev"))).toHaveText("2");
});

test("a stakeholder reads the problem and its patterns but cannot add, import or edit", async ({ page, signInAs }) => {
  await signInAs("stakeholder", problemPath);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(TITLE);
  await expectPatternCount(page, 15);
  await expect(patternTable(page).getByTestId("pattern-thumbnail")).toHaveCount(1);
  await expect(page.getByRole("link", { name: "Add pattern" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Import", exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Edit problem" })).toHaveCount(0);

  await patternTable(page).getByRole("link", { name: "'I had hoped' it would last" }).click();
  await page.waitForURL((url) => url.pathname === editedPatternPath);
  await expect(page.getByRole("heading", { level: 1, name: "'I had hoped' it would last" })).toBeVisible();
  await expect(page.getByText("I had hoped it would last longer than a week.")).toBeVisible();
  await expect(page.getByText("is not positive", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "History" }).locator(":scope > li")).toHaveCount(2);
  await expect(page.getByRole("link", { name: "Edit pattern" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Archive" })).toHaveCount(0);

  for (const path of [`${editedPatternPath}/edit`, `${DEMO_PROJECT_PATH}/patterns/new?problem=${encodeURIComponent(problemKey)}`, `${DEMO_PROJECT_PATH}/patterns/import`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: FORBIDDEN })).toBeVisible();
    await expect(page.locator("form")).toHaveCount(0);
  }
});
