import { DEMO_PROBLEMS } from "@/lib/demo/demo-project";
import { demoOutputFor } from "@/lib/demo/demo-output-for";
import { DEMO_MODEL_NAME, DEMO_MODEL_VERSIONS, predictSentiment } from "@/lib/demo/sentiment-model";
import { judgeOutput } from "@/lib/scoring/judge-output";
import { DEMO_PROJECT_PATH, expect, test } from "./fixtures";

// The numbers the dashboard must show, computed here from the demo model and
// the scoring functions directly — independent of the seed, the results table,
// the SQL aggregate and the UI that the page goes through.
function expectedRates() {
  return DEMO_PROBLEMS.map((problem, index) => ({
    key: `SENT-${index + 1}`,
    byVersion: DEMO_MODEL_VERSIONS.map((version) => {
      const verdicts = problem.patterns.map((p) => judgeOutput(p.expectation, demoOutputFor(p.expectation, predictSentiment(version, p.text))));
      const failed = verdicts.filter((v) => v === "fail").length;
      const n = verdicts.filter((v) => v === "pass" || v === "fail").length;
      return { label: `${DEMO_MODEL_NAME}@${version.version}`, percent: Math.round((failed / n) * 100), n };
    }),
  }));
}

test("the demo dashboard charts every problem and its table shows the seeded error rates", async ({ page, signInAs }) => {
  await signInAs("stakeholder", DEMO_PROJECT_PATH);
  await expect(page.getByRole("heading", { name: "Review sentiment classifier" })).toBeVisible();

  const table = page.getByRole("table", { name: "Error rate per problem and model version" });
  await expect(table).toBeVisible();
  for (const problem of expectedRates()) {
    for (const cell of problem.byVersion) {
      const td = table.getByTestId(`rate-${problem.key}-${cell.label}`);
      await expect(td, `${problem.key} on ${cell.label}`).toContainText(`${cell.percent}%`);
      await expect(td).toContainText(`n=${cell.n}`);
    }
  }

  // The chart: one line per problem, one point per model version on each.
  const chart = page.locator(".recharts-surface").first();
  await expect(chart).toBeVisible();
  await expect(page.locator(".recharts-line")).toHaveCount(DEMO_PROBLEMS.length);
  await expect(page.locator(".recharts-line-dot")).toHaveCount(DEMO_PROBLEMS.length * DEMO_MODEL_VERSIONS.length);
});

test("filtering by severity keeps only matching problems", async ({ page, signInAs }) => {
  await signInAs("engineer", `${DEMO_PROJECT_PATH}?severity=critical`);
  const table = page.getByRole("table", { name: "Error rate per problem and model version" });
  await expect(table.getByRole("link", { name: "SENT-2" })).toBeVisible();
  await expect(table.getByRole("link", { name: "SENT-1" })).toHaveCount(0);
});
