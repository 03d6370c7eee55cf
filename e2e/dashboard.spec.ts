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

test("the table paginates, filters by search and above target, and keeps the filter across pages", async ({ page, signInAs }) => {
  await signInAs("engineer", `${DEMO_PROJECT_PATH}?limit=2`);
  const table = page.getByRole("table", { name: "Error rate per problem and model version" });
  const pages = page.getByRole("navigation", { name: "Table pages" });
  await expect(pages).toContainText(`Problems 1–2 of ${DEMO_PROBLEMS.length}`);
  await expect(table.getByRole("link", { name: "SENT-1", exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: "SENT-3", exact: true })).toHaveCount(0);
  await pages.getByRole("link", { name: "Next" }).click();
  await expect(pages).toContainText(`Problems 3–4 of ${DEMO_PROBLEMS.length}`);
  await expect(table.getByRole("link", { name: "SENT-3", exact: true })).toBeVisible();
  await expect(table.getByRole("link", { name: "SENT-1", exact: true })).toHaveCount(0);
  await pages.getByRole("link", { name: "Previous" }).click();
  await expect(pages).toContainText("Problems 1–2");

  // Above target: exactly the problems whose rate on the newest version exceeds their target.
  const latestIndex = DEMO_MODEL_VERSIONS.length - 1;
  const above = expectedRates()
    .filter((p, i) => p.byVersion[latestIndex]!.percent / 100 > DEMO_PROBLEMS[i]!.target)
    .map((p) => p.key);
  expect(above.length).toBeGreaterThan(0);
  await page.goto(`${DEMO_PROJECT_PATH}?above=1`);
  const rows = page.getByRole("table", { name: "Error rate per problem and model version" }).locator("tbody tr th a[href*='/problems/']");
  await expect(rows).toHaveText(above);

  // Search narrows by key or title.
  await page.getByRole("searchbox", { name: "Search" }).fill("emoji");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=emoji/);
  await expect(rows).toHaveText(["SENT-3"]);
});

test("the chart picker chooses which problems are drawn, from the keyboard, and the choice lives in the URL", async ({ page, signInAs }) => {
  await signInAs("stakeholder", DEMO_PROJECT_PATH);
  await expect(page.locator(".recharts-line")).toHaveCount(DEMO_PROBLEMS.length);
  await page.getByText("Choose the problems on the chart").click();
  const picker = page.getByLabel(/Problems, worst first/);
  // Worst first: the first option is a problem above its target.
  await expect(picker.locator("option").first()).toContainText("target ≤");
  await picker.selectOption(["SENT-2", "SENT-4"]);
  await picker.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/chart=SENT-2/);
  await expect(page.locator(".recharts-line")).toHaveCount(2);
  const legend = page.locator("ul", { has: page.getByRole("link", { name: "SENT-2", exact: true }) }).first();
  await expect(legend.getByRole("link", { name: "SENT-4", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to the worst 12" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the worst 12" }).click();
  await expect(page.locator(".recharts-line")).toHaveCount(DEMO_PROBLEMS.length);
});

test("the dashboard says which version is production, in the table's column header and on the chart's axis, and says 'above target' in words", async ({ page, signInAs }) => {
  const production = DEMO_MODEL_VERSIONS.filter((v) => v.status === "production").map((v) => `${DEMO_MODEL_NAME} ${v.version}`);
  expect(production).toEqual([`${DEMO_MODEL_NAME} 2.1`]);
  await signInAs("stakeholder", DEMO_PROJECT_PATH);

  // The table: exactly one column header says "production", and it is 2.1's.
  const table = page.getByRole("table", { name: "Error rate per problem and model version" });
  const productionHeader = table.getByRole("columnheader", { name: /production/ });
  await expect(productionHeader).toHaveCount(1);
  await expect(productionHeader).toHaveAccessibleName(`${production[0]} production`);

  // The chart's x axis: one tick carries "★ production", under 2.1.
  const ticks = page.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-label");
  await expect(ticks).toHaveCount(DEMO_MODEL_VERSIONS.length);
  await expect(page.getByTestId("production-tick")).toHaveCount(1);
  const productionTick = ticks.filter({ has: page.getByTestId("production-tick") });
  await expect(productionTick).toHaveText(`${DEMO_MODEL_NAME}2.1★ production`);

  // The legend's key says what ▲ and ★ mean, in words.
  const key = page.getByTestId("chart-key");
  await expect(key).toContainText("▲ above target");
  await expect(key).toContainText(`★ production: ${production[0]}`);

  // The tooltip at the newest version (where some problem is above its target, see the test above) says so in words;
  // at 2.1 it names the version as production.
  const tooltip = page.locator(".recharts-tooltip-wrapper");
  // The chart sits below the fold at 1280×720 (the summary and filters come first): the mouse can only hover what is on screen.
  await page.getByTestId("error-rate-chart").scrollIntoViewIfNeeded();
  const hoverTick = async (index: number) => {
    const tick = await ticks.nth(index).boundingBox();
    const plot = await page.locator(".recharts-cartesian-grid").first().boundingBox();
    await page.mouse.move(tick!.x + tick!.width / 2, plot!.y + plot!.height / 2);
  };
  await hoverTick(DEMO_MODEL_VERSIONS.length - 1);
  await expect(tooltip).toContainText(`${DEMO_MODEL_NAME} ${DEMO_MODEL_VERSIONS.at(-1)!.version}`);
  await expect(tooltip).toContainText("▲ above target");
  await hoverTick(DEMO_MODEL_VERSIONS.findIndex((v) => v.status === "production"));
  await expect(tooltip).toContainText(`${production[0]} · ★ production`);
});
