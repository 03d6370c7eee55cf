import { DEMO_PROBLEMS } from "@/lib/demo/demo-project";
import { demoOutputFor } from "@/lib/demo/demo-output-for";
import { DEMO_MODEL_NAME, DEMO_MODEL_VERSIONS, predictSentiment } from "@/lib/demo/sentiment-model";
import { judgeOutput } from "@/lib/scoring/judge-output";
import { DEMO_PROJECT_PATH, expect, test } from "./fixtures";

// The matrix of the negation problem, checked against verdicts computed here from
// the demo model and the scoring functions, independent of seed, SQL and UI.
const problemIndex = 1; // SENT-2, negation
const problem = DEMO_PROBLEMS[problemIndex]!;
const GLYPH = { pass: "✓", fail: "✗", error: "!" } as const;

test("the problem page shows the pattern × version matrix with a glyph per verdict, and a cell opens its result", async ({ page, signInAs }) => {
  await signInAs("stakeholder", `${DEMO_PROJECT_PATH}/problems/SENT-2`);
  const matrix = page.getByRole("table", { name: "Verdict per pattern and model version of SENT-2" });
  await expect(matrix).toBeVisible();
  // The demo's versions come first in registration order; other specs may register more after them.
  for (const [vi, version] of DEMO_MODEL_VERSIONS.entries()) {
    await expect(matrix.locator("thead th").nth(vi + 1)).toContainText(version.version);
  }
  await expect(matrix.locator("tbody tr")).toHaveCount(problem.patterns.length);

  for (const pattern of problem.patterns) {
    const row = matrix.getByTestId(`matrix-row-${pattern.name}`);
    for (const [vi, version] of DEMO_MODEL_VERSIONS.entries()) {
      const output = demoOutputFor(pattern.expectation, predictSentiment(version, pattern.text));
      const verdict = judgeOutput(pattern.expectation, output) as keyof typeof GLYPH;
      const cell = row.locator("td").nth(vi);
      await expect(cell, `${pattern.name} on ${version.version}`).toHaveAttribute("data-status", verdict);
      // A glyph as well as a colour, and words for screen readers.
      await expect(cell).toHaveText(GLYPH[verdict]);
      await expect(cell.locator("[data-matrix-cell]")).toHaveAttribute("aria-label", new RegExp(`on ${DEMO_MODEL_NAME} ${version.version}: ${verdict}`));
    }
  }

  // Focus shows the output beneath the matrix; the header row and pattern column are sticky.
  const first = problem.patterns[0]!;
  const firstCell = matrix.getByTestId(`matrix-row-${first.name}`).locator("a[data-matrix-cell]").first();
  await firstCell.focus();
  await expect(page.getByTestId("matrix-inspector")).toContainText(`${first.name} on ${DEMO_MODEL_NAME} ${DEMO_MODEL_VERSIONS[0]!.version}`);
  await expect(page.getByTestId("matrix-inspector")).toContainText("output:");
  await expect(matrix.locator("thead th").first()).toHaveCSS("position", "sticky");
  await expect(matrix.locator("tbody th").first()).toHaveCSS("position", "sticky");

  // The chart shades the Wilson band.
  await expect(page.locator(".recharts-area")).toHaveCount(1);

  await firstCell.click();
  await expect(page.getByRole("heading", { name: `${first.name} on ${DEMO_MODEL_NAME} ${DEMO_MODEL_VERSIONS[0]!.version}` })).toBeVisible();
  await expect(page.getByText(first.text)).toBeVisible();
  await expect(page.getByTestId("result-expected")).toBeVisible();
  const expectedOutput = demoOutputFor(first.expectation, predictSentiment(DEMO_MODEL_VERSIONS[0]!, first.text));
  if (typeof expectedOutput === "string") await expect(page.getByTestId("result-output")).toHaveText(expectedOutput);
  else await expect(page.getByTestId("result-output")).toContainText(expectedOutput[0]!);
});
