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

test("loading: a chart placeholder stands where the chart will appear, and the progress bar shows until the page has rendered", async ({ page, signInAs }) => {
  // What the page shows during the navigation, recorded on every change (a fast server may show the placeholder only briefly).
  await page.addInitScript(() => {
    type Snapshot = { path: string; bar: "busy" | "ending" | "none"; barHeight: number; skeleton: boolean; skeletonText: string; chart: boolean };
    const log: Snapshot[] = [];
    (window as unknown as { __loadingLog: Snapshot[] }).__loadingLog = log;
    const snap = () => {
      const bar = document.querySelector('[data-testid="navigation-progress"]');
      const skeleton = document.querySelector('[data-testid="chart-skeleton"]');
      const next: Snapshot = {
        path: location.pathname,
        bar: bar ? (bar.querySelector('[role="progressbar"]') ? "busy" : "ending") : "none",
        barHeight: bar ? bar.getBoundingClientRect().height : 0,
        skeleton: skeleton !== null,
        skeletonText: skeleton?.textContent ?? "",
        chart: document.querySelector('[data-testid="error-rate-chart"]') !== null,
      };
      const last = log.at(-1);
      if (!last || JSON.stringify(last) !== JSON.stringify(next)) log.push(next);
    };
    new MutationObserver(snap).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["role"] });
  });
  await openDashboard(page, signInAs);
  const bar = page.getByTestId("navigation-progress");
  await expect(bar).toHaveCount(0);
  await page.evaluate(() => (window as unknown as { __loadingLog: unknown[] }).__loadingLog.splice(0));

  // A client navigation to a problem's page, whose chart loads behind its placeholder. The router shows the placeholder once
  // it has prefetched the link (when it comes into view); a click before that shows an empty frame until the page arrives.
  const link = page.getByRole("table", { name: "Error rate per problem and model version" }).getByRole("link", { name: "SENT-3", exact: true });
  const prefetched = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith("/problems/SENT-3") && r.request().headers()["next-router-prefetch"] !== undefined);
  await link.scrollIntoViewIfNeeded();
  await prefetched;
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("SENT-3");
  await expect(chartOf(page)).toBeVisible();
  // Hidden once the page has rendered.
  await expect(bar).toHaveCount(0);

  type Snapshot = { path: string; bar: string; barHeight: number; skeleton: boolean; skeletonText: string; chart: boolean };
  const log = await page.evaluate(() => (window as unknown as { __loadingLog: Snapshot[] }).__loadingLog);
  const onProblem = log.filter((s) => s.path.endsWith("/problems/SENT-3"));
  // The placeholder was shown, saying what it stands for, with the progress bar visible above it.
  const placeholder = onProblem.find((s) => s.skeleton);
  expect(placeholder, JSON.stringify(log)).toBeDefined();
  expect(placeholder!.skeletonText).toContain("Loading chart…");
  expect(placeholder!.bar).toBe("busy");
  expect(placeholder!.barHeight).toBeGreaterThan(0);
  // The bar did not end with the URL change (when the placeholder appeared): it was still running when the chart arrived.
  const arrived = onProblem.find((s) => s.chart);
  expect(arrived, JSON.stringify(log)).toBeDefined();
  expect(arrived!.bar, JSON.stringify(log)).toBe("busy");
  // And it ended after that.
  expect(log.at(-1)!.bar).toBe("none");
});

test("loading: the progress bar is on screen while a slow page loads, and the dashboard's placeholder holds the chart's place", async ({ page, signInAs }) => {
  // The project bar's Dashboard link is prefetched as soon as the page shows it.
  const prefetched = page.waitForResponse((r) => new URL(r.url()).pathname === DEMO_PROJECT_PATH && r.request().headers()["next-router-prefetch"] !== undefined);
  await signInAs("stakeholder", `${DEMO_PROJECT_PATH}/problems/SENT-1`);
  await expect(chartOf(page).locator(".recharts-line")).toHaveCount(1);
  await prefetched;
  // The next page's data (not its prefetched loading state) arrives 2.5 s late.
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
  await expect(page.getByTestId("chart-skeleton")).toBeVisible();
  await expect(page.getByTestId("chart-skeleton")).toHaveText("Loading chart…");
  await expect(progress).toBeVisible();
  await expect(chartOf(page).locator(".recharts-line")).toHaveCount(DEMO_PROBLEMS.length);
  await expect(page.getByTestId("chart-skeleton")).toHaveCount(0);
  await expect(page.getByTestId("navigation-progress")).toHaveCount(0);
});
