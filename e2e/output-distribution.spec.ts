import { DEMO_PROBLEMS } from "@/lib/demo/demo-project";
import { findDemoModelVersion, predictSentiment } from "@/lib/demo/sentiment-model";
import { measureOutputShift } from "@/lib/stats/measure-output-shift";
import { DEMO_PROJECT_PATH, expect, openDemoModelVersion, signIn, test } from "./fixtures";

// Issue 14 items 1, 3 and 4 on the demo project: the output distribution of a
// version, two versions side by side, the capture drift chart and the model-age
// warning. Expected figures come from the demo model itself, not from the page.

// Reloads while the demo's replays finish, on a shared CI machine.
test.describe.configure({ timeout: 120_000 });

const PATTERNS = DEMO_PROBLEMS.flatMap((p) => p.patterns);
function labelCounts(version: string) {
  const model = findDemoModelVersion(version)!;
  const counts = new Map<string, number>([["positive", 0], ["negative", 0], ["neutral", 0]]);
  for (const pattern of PATTERNS) {
    const label = predictSentiment(model, pattern.text).label;
    counts.set(label, counts.get(label)! + 1);
  }
  return counts;
}

test("the model version page charts the version's outputs by label, with the same counts in its table", async ({ page, signInAs }) => {
  const expected = labelCounts("2.1");
  await signInAs("stakeholder", `${DEMO_PROJECT_PATH}/models`);
  await openDemoModelVersion(page, "2.1");

  const chart = page.getByTestId("output-distribution-chart");
  // The demo's replays may still be finishing: reload until every pattern has its output.
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("img", { name: new RegExp(`^Outputs of sentiment 2\\.1 by label\\. positive: ${expected.get("positive")}, negative: ${expected.get("negative")}, neutral: ${expected.get("neutral")}\\.$`) })).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await expect(chart.locator(".recharts-bar-rectangle")).toHaveCount(3);

  await chart.getByText("Show as table").click();
  const table = chart.getByRole("table", { name: "Outputs of sentiment 2.1 by label, as a table" });
  for (const [label, count] of expected) {
    await expect(table.getByRole("row").filter({ has: page.getByRole("cell", { name: label, exact: true }) })).toContainText(String(count));
  }
});

test("the compare page shows both versions' outputs side by side, the shift as a Jensen–Shannon distance and the labels that moved most", async ({ page, signInAs }) => {
  const baseline = labelCounts("2.1");
  const candidate = labelCounts("3.0");
  const shift = measureOutputShift({ kind: "categorical", counts: baseline }, { kind: "categorical", counts: candidate });
  expect(shift.value).toBeGreaterThan(0);

  await signInAs("engineer", `${DEMO_PROJECT_PATH}/models`);
  await openDemoModelVersion(page, "3.0");
  await page.getByRole("link", { name: "Compare with sentiment 2.1 →" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "sentiment 3.0 compared with sentiment 2.1" })).toBeVisible();

  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("output-shift")).toHaveText(shift.value.toFixed(2), { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await expect(page.getByText("Jensen–Shannon distance", { exact: false })).toBeVisible();
  await expect(page.getByTestId("baseline-distribution").getByRole("img", { name: /^Outputs of sentiment 2\.1 \(baseline\) by label/ })).toBeVisible();
  await expect(page.getByTestId("candidate-distribution").getByRole("img", { name: /^Outputs of sentiment 3\.0 by label/ })).toBeVisible();
  await expect(page.getByTestId("baseline-distribution").locator(".recharts-bar-rectangle")).toHaveCount(3);
  await expect(page.getByTestId("candidate-distribution").locator(".recharts-bar-rectangle")).toHaveCount(3);

  const moved = shift.moved.filter((m) => m.change !== 0);
  const rows = page.getByTestId("moved-label");
  await expect(rows).toHaveCount(moved.length);
  await expect(rows.first().getByRole("rowheader")).toHaveText(moved[0]!.value);
});

test("the captures page charts weekly captures, ratings and the drift of captured outputs against its threshold", async ({ page, signInAs }) => {
  await signInAs("tester", `${DEMO_PROJECT_PATH}/captures`);
  const chart = page.getByTestId("capture-drift-chart");
  await expect(chart).toBeVisible();
  // The demo's replays give the production version's outputs, the reference of the shift.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("capture-drift-chart")).toHaveAttribute("data-over-threshold", "true", { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await expect(chart.getByRole("img", { name: /^Capture drift over the last 12 weeks: .* against the threshold 0\.2\. Latest measured week .*: shift 0\.\d\d, over the threshold\.$/ })).toBeVisible();
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(chart.locator(".recharts-reference-line")).toHaveCount(1);

  await chart.getByText("Show as table").click();
  const table = chart.getByRole("table", { name: "Capture drift per week" });
  await expect(table.getByRole("row")).toHaveCount(13);
  // A tester may not change the threshold: no link to the settings.
  await expect(page.getByRole("link", { name: "Change the threshold" })).toHaveCount(0);
});

test("an engineer sets a model age limit and the dashboard warns that the production model is too old; a stakeholder cannot open the setting", async ({ page, signInAs, browser }) => {
  const trainedAt = new Date(findDemoModelVersion("2.1")!.trainedAt);
  const ageDays = Math.floor((Date.now() - trainedAt.getTime()) / 86_400_000);
  expect(ageDays).toBeGreaterThan(1);

  await signInAs("engineer", `${DEMO_PROJECT_PATH}/settings`);
  await expect(page.getByTestId("model-age-warning")).toHaveCount(0);
  const field = page.getByLabel("Production model older than (days)");
  try {
    await field.fill("1");
    await page.getByRole("button", { name: "Save after-release checks" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await page.goto(DEMO_PROJECT_PATH);
    const warning = page.getByTestId("model-age-warning");
    await expect(warning).toContainText(`sentiment 2.1 was trained ${ageDays} days ago, over this project's limit of 1 day`);

    const other = await browser.newPage();
    try {
      await signIn(other, "stakeholder", `${DEMO_PROJECT_PATH}/settings`);
      await expect(other.getByLabel("Production model older than (days)")).toHaveCount(0);
      await other.goto(DEMO_PROJECT_PATH);
      await expect(other.getByTestId("model-age-warning")).toBeVisible();
    } finally {
      await other.close();
    }
  } finally {
    await page.goto(`${DEMO_PROJECT_PATH}/settings`);
    await page.getByLabel("Production model older than (days)").fill("");
    await page.getByRole("button", { name: "Save after-release checks" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
  }
  await page.goto(DEMO_PROJECT_PATH);
  await expect(page.getByTestId("model-age-warning")).toHaveCount(0);
});
