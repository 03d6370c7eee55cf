import type { Locator, Page } from "@playwright/test";
import { DEMO_MODEL_VERSIONS } from "@/lib/demo/sentiment-model";
import { DEMO_PROJECT_PATH, expect, test } from "./fixtures";

// Issue 15 item 15: Ratchet on a 390 × 844 phone. Every version on the chart's
// x axis is labelled and no two labels overlap; the numbers table shows that it
// scrolls sideways; the project tabs show that more tabs are past the edge;
// Sign out is in the header menu; a long project name wraps instead of widening the page.

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE });

// Set PHONE_SCREENSHOTS=<folder> to keep screenshots of the screens this spec opens (to look at, not compared).
const screenshotDir = process.env.PHONE_SCREENSHOTS;
async function keep(page: Page, name: string, target?: Locator) {
  if (!screenshotDir) return;
  const path = `${screenshotDir}/${name}.png`;
  if (target) await target.screenshot({ path });
  else await page.screenshot({ path, fullPage: true });
}

/** How far the page scrolls sideways: its document width, which must not exceed the phone's. */
const documentWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

/**
 * The on-screen outline of each element (an SVG text, possibly rotated) as four
 * corners: its own box mapped through its screen transform, so a slanted label
 * is compared as drawn, not by the upright box around it.
 */
async function outlines(locator: Locator): Promise<{ x: number; y: number }[][]> {
  return locator.evaluateAll((elements) =>
    elements.map((element) => {
      // The text itself: a group's box would be the upright box around its rotated text.
      const text = element instanceof SVGTextElement ? element : element.querySelector("text")!;
      const box = text.getBBox();
      const matrix = text.getScreenCTM()!;
      return [
        [box.x, box.y],
        [box.x + box.width, box.y],
        [box.x + box.width, box.y + box.height],
        [box.x, box.y + box.height],
      ].map(([x, y]) => new DOMPoint(x, y).matrixTransform(matrix)).map((p) => ({ x: p.x, y: p.y }));
    }),
  );
}

/** Whether two convex outlines overlap by more than half a pixel (separating axis test). */
function overlap(a: { x: number; y: number }[], b: { x: number; y: number }[]): boolean {
  for (const shape of [a, b]) {
    for (let i = 0; i < shape.length; i++) {
      const p = shape[i]!;
      const q = shape[(i + 1) % shape.length]!;
      const length = Math.hypot(q.x - p.x, q.y - p.y) || 1;
      const normal = { x: (p.y - q.y) / length, y: (q.x - p.x) / length };
      const project = (s: { x: number; y: number }[]) => s.map((c) => c.x * normal.x + c.y * normal.y);
      const [pa, pb] = [project(a), project(b)];
      if (Math.min(Math.max(...pa), Math.max(...pb)) - Math.max(Math.min(...pa), Math.min(...pb)) <= 0.5) return false;
    }
  }
  return true;
}

test("every model version on the dashboard chart's x axis is labelled, and no two labels overlap", async ({ page, signInAs }) => {
  await signInAs("stakeholder", DEMO_PROJECT_PATH);
  // The chart's card says how many versions it charts (the demo's, and any a spec before this one registered).
  const described = page.getByText(/\d+ model versions in registration order/);
  await expect(described).toBeVisible();
  const versions = Number(/(\d+) model versions in registration order/.exec((await described.textContent()) ?? "")?.[1]);
  expect(versions).toBeGreaterThanOrEqual(DEMO_MODEL_VERSIONS.length);
  const ticks = page.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-label");
  await expect(ticks).toHaveCount(versions);
  for (const tick of await ticks.all()) {
    await expect(tick).toBeVisible();
    expect((await tick.textContent())?.trim(), "a tick with a label").toBeTruthy();
  }
  const shapes = await outlines(ticks);
  const overlapping: string[] = [];
  for (let i = 0; i < shapes.length; i++) for (let j = i + 1; j < shapes.length; j++) if (overlap(shapes[i]!, shapes[j]!)) overlapping.push(`${i} and ${j}`);
  expect(overlapping, "x-axis labels that overlap (by index)").toEqual([]);
  // Every label is on the screen, not cut at its edge.
  const xs = shapes.flat().map((corner) => corner.x);
  expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
  expect(Math.max(...xs)).toBeLessThanOrEqual(PHONE.width);
  expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await keep(page, "dashboard-390");
});

test("the numbers table shows that it scrolls sideways, and scrolls by keyboard", async ({ page, signInAs }) => {
  await signInAs("stakeholder", DEMO_PROJECT_PATH);
  const table = page.getByRole("table", { name: "Error rate per problem and model version" });
  await expect(table).toBeVisible();
  const region = page.getByRole("region", { name: "Error rate per problem and model version, scrolls sideways" });
  await expect(region).toBeVisible();
  const box = page.locator("[data-scrolls]").filter({ has: table });
  await expect(box.getByText("scroll →")).toBeVisible();
  // The fade on the right says there is more; none on the left yet.
  const [leftFade, rightFade] = [box.locator("[data-fade=left]"), box.locator("[data-fade=right]")];
  await expect(rightFade).toHaveCSS("opacity", "1");
  await expect(leftFade).toHaveCSS("opacity", "0");
  // It takes the focus and the arrow keys scroll it; then the left fade shows there is more that way.
  await region.focus();
  await expect(region).toBeFocused();
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await expect(leftFade).toHaveCSS("opacity", "1");
  expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
});

test("the project tabs show that more tabs are past the edge, and the current tab is scrolled into view", async ({ page, signInAs }) => {
  await signInAs("admin", DEMO_PROJECT_PATH);
  const tabs = page.getByRole("navigation", { name: "Project" });
  await expect(tabs.getByRole("link")).toHaveCount(6);
  const bar = tabs.locator("xpath=..");
  const [leftCue, rightCue] = [bar.locator("[data-cue=left]"), bar.locator("[data-cue=right]")];
  // Six tabs do not fit in 390 px: a cue on the right, none on the left.
  expect(await tabs.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  await expect(tabs).toHaveAttribute("data-more-right", "true");
  await expect(rightCue).toHaveCSS("opacity", "1");
  await expect(leftCue).toHaveCSS("opacity", "0");
  await keep(page, "project-bar-390", bar);
  // Scrolled to the end: the cue moves to the left.
  await tabs.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
  await expect(rightCue).toHaveCSS("opacity", "0");
  await expect(leftCue).toHaveCSS("opacity", "1");

  // On the last tab's page the current tab is in view, beside the edge, not past it.
  await tabs.getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(`${DEMO_PROJECT_PATH}/settings`);
  await page.reload();
  const current = tabs.getByRole("link", { name: "Settings" });
  await expect(current).toHaveAttribute("aria-current", "page");
  // In view (sub-pixel rounding of the scroll position may shave a pixel off its edge).
  await expect(current).toBeInViewport({ ratio: 0.95 });
  await expect(leftCue).toHaveCSS("opacity", "1");
  expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await keep(page, "settings-390");
});

test("Sign out is reachable from the header menu on a phone", async ({ page, signInAs }) => {
  await signInAs("tester", DEMO_PROJECT_PATH);
  const account = page.getByRole("navigation", { name: "Account" });
  // The wide row is hidden at this width; the Menu holds every entry.
  await expect(account.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await account.getByText("Menu").click();
  const signOut = account.getByRole("button", { name: "Sign out" });
  await expect(signOut).toBeVisible();
  await expect(signOut).toBeInViewport({ ratio: 1 });
  await expect(account.getByRole("link", { name: "Account", exact: true })).toBeVisible();
  expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);
  await keep(page, "header-menu-open-390");
  await signOut.click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  // Signed out for real: the project sends back to sign-in.
  await page.goto(DEMO_PROJECT_PATH);
  await expect(page).toHaveURL(/\/sign-in\?next=/);
});

test("a very long project name wraps instead of widening the page, on the projects list and the project's own pages", async ({ page, signInAs }) => {
  await signInAs("engineer", "/");
  const stamp = Date.now();
  // 120 characters (the limit), with a 60-character word that can only break inside.
  const word = "SupercalifragilisticexpialidociousInternationalisationPipeline".slice(0, 60);
  const name = `${word} sentiment of customer reviews in every language we ship ${stamp}`.slice(0, 120);
  const slug = `long-name-${stamp}`;
  const created = await page.request.post("/api/v1/projects", {
    headers: { origin: new URL(page.url()).origin },
    data: { name, slug, outputKind: "label", labels: ["yes", "no"] },
  });
  expect(created.status(), await created.text()).toBe(201);

  await page.goto("/");
  const card = page.getByRole("link", { name, exact: true });
  await expect(card).toBeVisible();
  const cardBox = (await card.boundingBox())!;
  expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(PHONE.width);
  expect(cardBox.height, "the name takes more than one line").toBeGreaterThan(30);
  expect(await documentWidth(page)).toBeLessThanOrEqual(PHONE.width);

  for (const path of [`/projects/${slug}`, `/projects/${slug}/problems`, `/projects/${slug}/settings`]) {
    await page.goto(path);
    await expect(page.getByRole("navigation", { name: "Breadcrumb" }).first()).toContainText(word);
    expect(await documentWidth(page), path).toBeLessThanOrEqual(PHONE.width);
  }
});
