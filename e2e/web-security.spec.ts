import http from "node:http";
import type { AddressInfo } from "node:net";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { DEMO_PROJECT_PATH, expect, signIn, test } from "./fixtures";

// Issue 11, items 5 and 13 in a real browser: a page on another origin (another
// port of the same host, so the session cookie is sent) cannot write with the
// user's session, the app's own forms still work, and every screen renders
// under the nonce-based CSP without a single violation.

/** A page served from another loopback port: what a malicious local page or another app would be. */
async function startForeignPage(html: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const projectSlugs = async (page: Page) => ((await (await page.request.get("/api/v1/projects?limit=200")).json()) as { items: { slug: string }[] }).items.map((p) => p.slug);

test("a page on another origin cannot create a project with the signed-in user's cookie; the app's own form can", async ({ page, baseURL }) => {
  await signIn(page, "engineer", "/");
  const attack = await startForeignPage(`<!doctype html><title>foreign</title><body>
    <form id="f" method="post" action="${baseURL}/api/v1/projects" enctype="text/plain">
      <input name='{"name":"CSRF form","slug":"csrf-form","outputKind":"label","labels":["a"],"x":"' value='"}'>
    </form>
    <script>
      fetch(${JSON.stringify(`${baseURL}/api/v1/projects`)}, { method: "POST", mode: "no-cors", credentials: "include",
        headers: { "content-type": "text/plain" },
        body: JSON.stringify({ name: "CSRF fetch", slug: "csrf-fetch", outputKind: "label", labels: ["a"] }) })
        .finally(() => document.getElementById("f").submit());
    </script></body>`);
  try {
    const refused: number[] = [];
    page.on("response", (response) => {
      if (response.url() === `${baseURL}/api/v1/projects` && response.request().method() === "POST") refused.push(response.status());
    });
    await page.goto(attack.url);
    // The form's navigation lands on the API's answer: the refusal, in the JSON error shape.
    await page.waitForURL(`${baseURL}/api/v1/projects`);
    await expect(page.locator("body")).toContainText('"code":"forbidden"');
    await expect.poll(() => refused.length).toBe(2);
    expect(refused).toEqual([403, 403]);
  } finally {
    await attack.close();
  }
  await page.goto("/");
  const slugs = await projectSlugs(page);
  expect(slugs).not.toContain("csrf-fetch");
  expect(slugs).not.toContain("csrf-form");

  // The app's own form posts JSON from its own origin: still accepted.
  await page.goto("/projects/new");
  await page.getByLabel("Name", { exact: true }).fill("Same-origin form");
  await page.getByLabel("Slug").fill("same-origin-form");
  await page.getByLabel("Labels (label projects)").fill("yes, no");
  await page.getByRole("button", { name: "Create project" }).click();
  await page.waitForURL(/\/projects\/same-origin-form$/);
  expect(await projectSlugs(page)).toContain("same-origin-form");
});

test("unknown API paths and methods answer JSON errors; every response carries the security headers", async ({ request }) => {
  const unknown = await request.get("/api/v1/no-such-route");
  expect(unknown.status()).toBe(404);
  expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe("not_found");

  const wrongMethod = await request.delete("/api/v1/projects");
  expect(wrongMethod.status()).toBe(405);
  expect(wrongMethod.headers()["allow"]).toBe("GET, POST, HEAD, OPTIONS");
  expect(((await wrongMethod.json()) as { error: { code: string } }).error.code).toBe("method_not_allowed");

  const page = await request.get("/sign-in");
  const headers = page.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  // Served over http here: no HSTS (it would pin a host that has no https).
  expect(headers["strict-transport-security"]).toBeUndefined();
  const again = await request.get("/sign-in");
  expect(again.headers()["content-security-policy"]).not.toBe(headers["content-security-policy"]);
  const api = await request.get("/api/health");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
});

/** Every page.tsx under app/ as a path pattern (`/projects/[slug]/models/[modelId]`). */
function screenPatterns(): string[] {
  const root = path.join(process.cwd(), "app");
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((f) => path.basename(f) === "page.tsx")
    .map((f) => `/${path.dirname(f).split(path.sep).filter((s) => s !== "." && !/^\(.*\)$/.test(s)).join("/")}`)
    .sort();
}

const toRegExp = (pattern: string) => new RegExp(`^${pattern.replace(/\[[^\]]+\]/g, "[^/]+")}$`);
const staticSegments = (pattern: string) => pattern.split("/").filter((s) => s && !s.startsWith("[")).length;

/** The page pattern a path belongs to: the one with the most static segments, as Next resolves it. */
function patternOf(patterns: string[], pathname: string): string | undefined {
  return patterns.filter((p) => toRegExp(p).test(pathname)).sort((a, b) => staticSegments(b) - staticSegments(a))[0];
}

test("every screen renders under the CSP without a violation", async ({ page, baseURL }) => {
  test.setTimeout(900_000);
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`));
  });
  page.on("console", (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => violations.push(`${page.url()}: page error ${error.message}`));

  // Pages that need a state the demo is past: setup (done) and an invite link (a fresh token).
  const patterns = screenPatterns().filter((p) => p !== "/setup" && p !== "/invite/[token]");
  const visited = new Map<string, string>();
  const visit = async (url: string) => {
    const response = await page.goto(url);
    expect(response?.headers()["content-security-policy"], url).toContain("'nonce-");
    // Scripts (and any CSP refusal) have run by "load"; idle network also lets client fetches finish,
    // but a page that polls a running replay never goes idle, so that wait is bounded.
    await page.waitForLoadState("networkidle", { timeout: 10_000 }).catch(() => undefined);
    const pattern = patternOf(patterns, new URL(page.url()).pathname);
    if (pattern && !visited.has(pattern)) visited.set(pattern, new URL(page.url()).pathname);
  };

  await visit("/sign-in");
  await signIn(page, "admin", "/");
  // Breadth-first over the app's own links, one page per screen, until every screen is seen.
  const queue = ["/", DEMO_PROJECT_PATH, "/projects/new", "/api-docs", "/account", "/settings/tokens", "/admin/users", "/admin/audit"];
  const queued = new Set(queue.map((u) => patternOf(patterns, u)));
  while (queue.length) {
    await visit(queue.shift()!);
    const links = await page.locator("a[href^='/']").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
    for (const href of links) {
      const url = new URL(href, baseURL);
      const pattern = patternOf(patterns, url.pathname);
      if (!pattern || queued.has(pattern) || url.pathname.startsWith("/api/")) continue;
      queued.add(pattern);
      queue.push(url.pathname + url.search);
    }
  }
  expect([...visited.keys()].sort()).toEqual(patterns);
  // recharts drew its charts under the policy (inline style attributes allowed, scripts by nonce only).
  await page.goto(DEMO_PROJECT_PATH);
  await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
  expect(violations).toEqual([]);
});
