import type { Page } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

// A tester imports patterns from a problem's page: the import keeps the
// problem's context (breadcrumb, the way back), and invalid rows are fixed in
// the preview itself — no round trip through a spreadsheet and a new upload.
const stamp = Date.now();
const SLUG = `import-context-${stamp}`;
const PROJECT_PATH = `/projects/${SLUG}`;

/** A write through the API with the session of the signed-in page (same origin: the CSRF check). */
async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const response = await page.request.post(path, { headers: { origin: new URL(page.url()).origin }, data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as T;
}

test("a tester imports from a problem's page, fixes two invalid rows in the preview and goes back to the problem", async ({ page, browser, signInAs }) => {
  // An engineer sets the scene: a project of its own and one problem.
  await signInAs("engineer", "/");
  const project = await post<{ id: string }>(page, "/api/v1/projects", { name: `Import in context ${stamp}`, slug: SLUG, outputKind: "label", labels: ["positive", "negative"] });
  const problem = await post<{ key: string }>(page, `/api/v1/projects/${project.id}/problems`, { title: "Sarcasm reads as praise", severity: "high", target: 0.2 });
  const problemPath = `${PROJECT_PATH}/problems/${encodeURIComponent(problem.key)}`;

  const context = await browser.newContext();
  const tester = await context.newPage();
  try {
    await signIn(tester, "tester", problemPath);
    await tester.getByRole("link", { name: "Import", exact: true }).click();
    await expect(tester).toHaveURL(`${PROJECT_PATH}/patterns/import?problem=${encodeURIComponent(problem.key)}`);
    await expect(tester.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: `${problem.key} Sarcasm reads as praise` })).toHaveAttribute("href", problemPath);
    await expect(tester.getByRole("link", { name: `Back to ${problem.key}` })).toHaveAttribute("href", problemPath);

    const file = [
      "problem,name,input,input_kind,expect_kind,expect_value",
      `${problem.key},Oh great,"Oh great, it broke again.",text,equals,negative`,
      `${problem.key},Love the wait,Love waiting three weeks.,text,equals,angry`,
      `${problem.key},,Just what I needed: a second refund form.,text,equals,negative`,
    ].join("\n");
    await tester.getByLabel("File (CSV or JSONL, UTF-8, at most 5 MB)").setInputFiles({ name: "sarcasm.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await tester.getByRole("button", { name: "Preview" }).click();
    await expect(tester.getByText("2 of 3 rows need fixing")).toBeVisible();
    const preview = tester.getByRole("table", { name: "Import preview" });
    await expect(preview).toContainText('not a label of this project: "angry"');
    // The field is named and the message is a sentence about it.
    await expect(preview).toContainText("name: is required");

    // Row 3 (the header is row 1): its text, edited in place, the whole file checked again.
    await preview.getByRole("button", { name: "Fix row 3 here" }).click();
    const row3 = tester.getByLabel("Row 3 as CSV");
    await expect(row3).toHaveValue(`${problem.key},Love the wait,Love waiting three weeks.,text,equals,angry`);
    await expect(preview.getByText("problem,name,input,input_kind,expect_kind,expect_value")).toBeVisible();
    await row3.fill(`${problem.key},Love the wait,Love waiting three weeks.,text,equals,negative`);
    await tester.getByRole("button", { name: "Check again" }).click();
    await expect(tester.getByText("1 of 3 rows need fixing")).toBeVisible();
    await expect(tester.getByText("Using the chosen file “sarcasm.csv”, with 1 row fixed here (row 3; the file on disk is unchanged).")).toBeVisible();

    await preview.getByRole("button", { name: "Fix row 4 here" }).click();
    await tester.getByLabel("Row 4 as CSV").fill(`${problem.key},Second refund form,Just what I needed: a second refund form.,text,equals,negative`);
    await tester.getByRole("button", { name: "Check again" }).click();
    await expect(tester.getByText("All 3 rows are valid.")).toBeVisible();

    await tester.getByRole("button", { name: "Import 3 patterns" }).click();
    const done = tester.getByRole("status").filter({ hasText: "Imported 3 patterns." });
    await expect(done).toBeVisible();
    await done.getByRole("link", { name: `Back to ${problem.key}` }).click();
    await expect(tester).toHaveURL(problemPath);
    await expect(tester.getByRole("heading", { name: "Patterns (3)" })).toBeVisible();
    for (const name of ["Oh great", "Love the wait", "Second refund form"]) await expect(tester.getByRole("link", { name, exact: true }).first()).toBeVisible();
  } finally {
    await context.close();
  }
});
