import type { Page } from "@playwright/test";
import { DEMO_PROBLEMS } from "@/lib/demo/demo-project";
import { demoOutputFor } from "@/lib/demo/demo-output-for";
import { DEMO_MODEL_NAME, DEMO_MODEL_VERSIONS, predictSentiment } from "@/lib/demo/sentiment-model";
import { judgeOutput } from "@/lib/scoring/judge-output";
import { wilsonInterval } from "@/lib/stats/wilson-interval";
import { DEMO_PROJECT_PATH, expect, test } from "./fixtures";

// Issue 15 item 11 (charts for everyone) and item 14 (loading), on the demo project.
// The expected points are computed from the demo model and the scoring functions, independent of the seed and the UI.

const pct = (rate: number) => `${Math.round(rate * 100)}%`;
const label = (version: string) => `${DEMO_MODEL_NAME} ${version}`;
const PRODUCTION = DEMO_MODEL_VERSIONS.find((v) => v.status === "production")!.version;
const LATEST = DEMO_MODEL_VERSIONS.at(-1)!.version;

/** Each demo problem's point at each version: failed of n graded, the rate and its 95% interval as the chart words them. */
function demoPoints() {
  return DEMO_PROBLEMS.map((problem, index) => ({
    key: `SENT-${index + 1}`,
    title: problem.title,
    byVersion: DEMO_MODEL_VERSIONS.map((version) => {
      const verdicts = problem.patterns.map((p) => judgeOutput(p.expectation, demoOutputFor(p.expectation, predictSentiment(version, p.text))));
      const failed = verdicts.filter((v) => v === "fail").length;
      const n = verdicts.filter((v) => v === "pass" || v === "fail").length;
      const { low, high } = wilsonInterval(failed, n);
      return { version: version.version, failed, n, text: `error rate ${pct(failed / n)}, 95% interval ${pct(low)}–${pct(high)}, n = ${n}` };
    }),
  }));
}

/** The first version at which several problems have exactly the same error rate (their lines meet on one spot), and those problems. */
function exactOverlap() {
  const points = demoPoints();
  for (const [vi, version] of DEMO_MODEL_VERSIONS.entries()) {
    const byRate = new Map<number, string[]>();
    for (const p of points) {
      const { failed, n } = p.byVersion[vi]!;
      byRate.set(failed / n, [...(byRate.get(failed / n) ?? []), p.key]);
    }
    const shared = [...byRate.values()].find((keys) => keys.length > 1);
    if (shared) return { version: version.version, keys: shared };
  }
  return null;
}

const chartOf = (page: Page) => page.getByTestId("error-rate-chart");

async function openDashboard(page: Page, signInAs: (role: "stakeholder", next?: string) => Promise<void>) {
  await signInAs("stakeholder", DEMO_PROJECT_PATH);
  await expect(chartOf(page).locator(".recharts-line")).toHaveCount(DEMO_PROBLEMS.length);
}

test("every line has its own marker shape and its key at its end; identical targets are one line labelled with each problem", async ({ page, signInAs }) => {
  await openDashboard(page, signInAs);
  const chart = chartOf(page);

  // Marker shapes: each line's markers share one shape, and no two lines share a shape.
  const shapes: string[] = [];
  for (const { key } of demoPoints()) {
    const dots = chart.locator(`.recharts-line-dot[data-series="${key}"]`);
    await expect(dots).toHaveCount(DEMO_MODEL_VERSIONS.length);
    const own = new Set(await dots.evaluateAll((els) => els.map((el) => el.getAttribute("data-marker"))));
    expect(own.size, `${key} draws one shape`).toBe(1);
    shapes.push([...own][0]!);
  }
  expect(new Set(shapes).size, `shapes ${shapes.join(", ")}`).toBe(DEMO_PROBLEMS.length);
  // The legend draws the same shape beside each key.
  for (const [i, { key }] of demoPoints().entries()) {
    const item = page.locator("li", { has: page.getByRole("link", { name: key, exact: true }) }).first();
    await expect(item.locator(`[data-marker="${shapes[i]}"]`)).toHaveCount(1);
  }

  // Each line is labelled at its end with its key and shape.
  const endLabels = chart.getByTestId("end-label");
  await expect(endLabels).toHaveCount(DEMO_PROBLEMS.length);
  for (const { key } of demoPoints()) await expect(chart.locator(`[data-testid="end-label"][data-series="${key}"]`)).toHaveText(key);

  // Targets as the table states them (a ratchet may have moved one since the seed): one dashed line per distinct target.
  const table = page.getByRole("table", { name: "Error rate per problem and model version" });
  const targets = new Map<string, string[]>();
  for (const { key } of demoPoints()) {
    const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: key, exact: true }) });
    const target = (await row.getByRole("cell").first().innerText()).replace("≤", "").trim();
    targets.set(target, [...(targets.get(target) ?? []), key]);
  }
  const merged = [...targets.entries()].filter(([, keys]) => keys.length > 1);
  expect(merged.length, "the demo has problems that share a target").toBeGreaterThan(0);
  const targetLines = chart.getByTestId("target-line");
  await expect(targetLines).toHaveCount(targets.size);
  for (const [target, keys] of targets) {
    const line = chart.locator(`[data-testid="target-line"][data-series="${keys.join(" ")}"]`);
    await expect(line).toHaveCount(1);
    await expect(line).toHaveText(`target ${target}: ${keys.join(", ")}`);
  }
});

test("where lines meet on the same spot, the tooltip lists every one of them and says so", async ({ page, signInAs }) => {
  const overlap = exactOverlap();
  expect(overlap, "the demo has two problems with the same error rate at one version").not.toBeNull();
  const { version, keys } = overlap!;
  await openDashboard(page, signInAs);
  const chart = chartOf(page);
  await chart.scrollIntoViewIfNeeded();

  // The markers (of different shapes) are centred on the very same spot.
  const centres: { x: number; y: number }[] = [];
  for (const key of keys) {
    const box = await chart.locator(`.recharts-line-dot[data-series="${key}"][data-version="${label(version)}"]`).boundingBox();
    centres.push({ x: box!.x + box!.width / 2, y: box!.y + box!.height / 2 });
  }
  for (const c of centres.slice(1)) {
    expect(Math.abs(c.x - centres[0]!.x)).toBeLessThan(1);
    expect(Math.abs(c.y - centres[0]!.y)).toBeLessThan(1.5);
  }

  const box = await chart.locator(`.recharts-line-dot[data-series="${keys[0]}"][data-version="${label(version)}"]`).boundingBox();
  await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
  const tooltip = page.locator(".recharts-tooltip-wrapper");
  await expect(tooltip).toContainText(label(version));
  // Every problem is listed, and each overlapping one names the others on its spot.
  for (const { key } of demoPoints()) await expect(tooltip).toContainText(key);
  const same = tooltip.getByTestId("tooltip-same-point");
  await expect(same).toHaveCount(keys.length);
  for (const key of keys) {
    const others = keys.filter((k) => k !== key);
    await expect(same.filter({ hasText: `same point as ${others.join(", ")}` })).toHaveCount(1);
  }
});

test("small multiples: one chart per problem, chosen in the URL, kept on reload and on Back", async ({ page, signInAs }) => {
  await openDashboard(page, signInAs);
  const view = page.getByRole("group", { name: "Chart view" });
  await view.getByRole("button", { name: "Small multiples" }).click();
  await expect(page).toHaveURL(/[?&]view=small\b/);
  await expect(view.getByRole("button", { name: "Small multiples" })).toHaveAttribute("aria-pressed", "true");

  const multiples = page.getByTestId("small-multiples");
  const charts = multiples.getByTestId("error-rate-chart");
  await expect(charts).toHaveCount(DEMO_PROBLEMS.length);
  for (const [i, { key, title }] of demoPoints().entries()) {
    // One line per chart, named for its problem.
    await expect(charts.nth(i).locator(".recharts-line")).toHaveCount(1);
    await expect(charts.nth(i)).toHaveAccessibleName(new RegExp(`^Error rate chart of ${key} ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  }

  // Kept on reload.
  await page.reload();
  await expect(charts).toHaveCount(DEMO_PROBLEMS.length);
  await expect(view.getByRole("button", { name: "Small multiples" })).toHaveAttribute("aria-pressed", "true");

  // Kept when the reader opens a problem and comes Back.
  await multiples.getByRole("link", { name: "SENT-2", exact: true }).click();
  await expect(page).toHaveURL(/\/problems\/SENT-2$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SENT-2");
  await page.goBack();
  await expect(page).toHaveURL(/[?&]view=small\b/);
  await expect(charts).toHaveCount(DEMO_PROBLEMS.length);

  // A filter keeps the view as well.
  await page.getByRole("searchbox", { name: "Search" }).fill("SENT");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=SENT/);
  await expect(page).toHaveURL(/[?&]view=small\b/);
  await expect(charts).toHaveCount(DEMO_PROBLEMS.length);

  // Back to one chart: the URL says so too.
  await view.getByRole("button", { name: "One chart" }).click();
  await expect(page).not.toHaveURL(/view=/);
  await expect(multiples).toHaveCount(0);
  await expect(chartOf(page).locator(".recharts-line")).toHaveCount(DEMO_PROBLEMS.length);

  // Switched in place (no reload), the server-drawn filter form follows: applying a filter keeps the new view.
  await view.getByRole("button", { name: "Small multiples" }).click();
  await expect(page).toHaveURL(/[?&]view=small\b/);
  await expect(page.locator('input[type="hidden"][name="view"]').first()).toHaveValue("small");
  await page.getByRole("searchbox", { name: "Search" }).fill("SENT-");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=SENT-/);
  await expect(page).toHaveURL(/[?&]view=small\b/);
  await expect(charts).toHaveCount(DEMO_PROBLEMS.length);
});

test("the keyboard: the chart is one named tab stop, arrow keys read out each point with its interval and n, Tab leaves it", async ({ page, signInAs }) => {
  await openDashboard(page, signInAs);
  const chart = chartOf(page);
  const point = page.getByTestId("chart-point");
  const points = demoPoints();

  // Tab from the control before the chart lands on the chart itself: named, and described.
  await page.getByRole("group", { name: "Chart view" }).getByRole("button", { name: "Small multiples" }).focus();
  await page.keyboard.press("Tab");
  await expect(chart).toBeFocused();
  await expect(chart).toHaveAttribute("role", "application");
  await expect(chart).toHaveAccessibleName(`Error rate chart of ${points.map((p) => p.key).join(", ")} across ${DEMO_MODEL_VERSIONS.length} model versions`);
  await expect(chart).toHaveAccessibleDescription(/Left and right arrow keys move between model versions/);

  // Focus reads out the first problem at the newest version; the arrows move from there.
  const first = points[0]!;
  await expect(point).toContainText(`${first.key} ${first.title}, ${label(LATEST)}: ${first.byVersion.at(-1)!.text}`);
  const productionIndex = DEMO_MODEL_VERSIONS.findIndex((v) => v.version === PRODUCTION);
  for (let i = DEMO_MODEL_VERSIONS.length - 1; i > productionIndex; i--) await page.keyboard.press("ArrowLeft");
  await expect(point).toContainText(`${first.key} ${first.title}, ${label(PRODUCTION)} (production): ${first.byVersion[productionIndex]!.text}`);
  await page.keyboard.press("ArrowDown");
  const second = points[1]!;
  await expect(point).toContainText(`${second.key} ${second.title}, ${label(PRODUCTION)} (production): ${second.byVersion[productionIndex]!.text}`);
  await page.keyboard.press("Home");
  await expect(point).toContainText(`${second.key} ${second.title}, ${label(DEMO_MODEL_VERSIONS[0]!.version)}: ${second.byVersion[0]!.text}`);
  // The point read out is marked on the chart.
  await expect(chart.getByTestId("active-point")).toHaveCount(1);

  // One tab stop: Tab leaves the chart for the next control, Shift+Tab comes back to it.
  await page.keyboard.press("Tab");
  await expect(chart).not.toBeFocused();
  expect(await page.evaluate(() => {
    const active = document.activeElement;
    const wrapper = document.querySelector('[data-testid="error-rate-chart"]');
    return active !== null && active !== document.body && wrapper !== null && !wrapper.contains(active);
  })).toBe(true);
  await expect(point).toHaveText("");
  await page.keyboard.press("Shift+Tab");
  await expect(chart).toBeFocused();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("a tap on the chart reads out the nearest version and line", async ({ page, signInAs }) => {
    await openDashboard(page, signInAs);
    const chart = chartOf(page);
    await chart.scrollIntoViewIfNeeded();
    const point = page.getByTestId("chart-point");
    const points = demoPoints();

    const tapAt = async (key: string, version: string) => {
      const box = await chart.locator(`.recharts-line-dot[data-series="${key}"][data-version="${label(version)}"]`).boundingBox();
      await page.touchscreen.tap(box!.x + box!.width / 2, box!.y + box!.height / 2);
    };
    // Two taps on lines apart from the others: SENT-2 on 1.1, then SENT-3 on 2.0.
    const sent2 = points[1]!;
    await tapAt(sent2.key, "1.1");
    await expect(point).toContainText(`${sent2.key} ${sent2.title}, ${label("1.1")}: ${sent2.byVersion[1]!.text}`);
    const sent3 = points[2]!;
    await tapAt(sent3.key, "2.0");
    await expect(point).toContainText(`${sent3.key} ${sent3.title}, ${label("2.0")}: ${sent3.byVersion[2]!.text}`);

    // A tap beside a point, not on it, still picks that version's nearest line.
    const box = await chart.locator(`.recharts-line-dot[data-series="${sent3.key}"][data-version="${label(LATEST)}"]`).boundingBox();
    await page.touchscreen.tap(box!.x + box!.width / 2 - 6, box!.y + box!.height / 2 + 4);
    await expect(point).toContainText(`${sent3.key} ${sent3.title}, ${label(LATEST)}: ${sent3.byVersion.at(-1)!.text}`);
  });
});

// Loading. Whether the router shows a page's placeholder on a client navigation depends on whether it has taken in the
// link's prefetch yet (before that it shows an empty frame, which the progress bar covers), and that race made a
// navigation-based check of the placeholder flaky. So the placeholder is checked where it is deterministic, in the
// streamed document, and the progress bar on a navigation whose data is held back.
test("loading: a project page streams its chart placeholder first, saying what it stands for", async ({ page, signInAs }) => {
  await signInAs("stakeholder", DEMO_PROJECT_PATH);
  for (const path of [DEMO_PROJECT_PATH, `${DEMO_PROJECT_PATH}/problems/SENT-3`]) {
    const response = await page.request.get(path);
    expect(response.status()).toBe(200);
    const html = await response.text();
    // The loading state (Suspense fallback) comes first in the stream; the rendered page follows and replaces it.
    const placeholder = html.indexOf('data-testid="chart-skeleton"');
    expect(placeholder, path).toBeGreaterThan(-1);
    expect(html.slice(placeholder, placeholder + 4000), path).toContain("Loading chart…");
    expect(html.indexOf('data-testid="error-rate-chart"'), path).toBeGreaterThan(placeholder);
  }
});

test("loading: the progress bar is on screen while a slow page loads, and gone once the page has rendered", async ({ page, signInAs }) => {
  await signInAs("stakeholder", `${DEMO_PROJECT_PATH}/problems/SENT-1`);
  await expect(chartOf(page).locator(".recharts-line")).toHaveCount(1);
  const bar = page.getByTestId("navigation-progress");
  await expect(bar).toHaveCount(0);
  // The next page's data (not a prefetch) arrives 2.5 s late.
  await page.route(
    (url) => url.pathname === DEMO_PROJECT_PATH,
    async (route) => {
      const headers = route.request().headers();
      if (headers["rsc"] === "1" && !headers["next-router-prefetch"]) await new Promise((resolve) => setTimeout(resolve, 2500));
      await route.fallback();
    },
  );
  await page.getByRole("link", { name: "Dashboard", exact: true }).click();
  const progress = page.getByRole("progressbar", { name: "Loading page" });
  await expect(progress).toBeVisible();
  expect((await bar.boundingBox())!.height).toBeGreaterThan(0);
  await expect(chartOf(page).locator(".recharts-line")).toHaveCount(DEMO_PROBLEMS.length);
  await expect(page.getByTestId("chart-skeleton")).toHaveCount(0);
  await expect(bar).toHaveCount(0);
});
