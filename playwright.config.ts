import { chromium, defineConfig, devices } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "./e2e/demo-password";
import { chooseBrowser, DEBIAN_CHROMIUM, readBrowserFacts } from "./scripts/choose-browser";

// End-to-end tests drive the real app (built, migrated, demo-seeded on a fresh
// database by scripts/e2e-server.ts) in a local Chromium: no browser download.
// `npm run test:e2e` runs scripts/ensure-browser.ts first (finds one, or installs Debian's as root);
// this launches the same one.
const browser = chooseBrowser(readBrowserFacts(chromium.executablePath()));
const port = Number(process.env.E2E_PORT ?? 3210);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  // Limits catch hangs, not slowness: on a loaded CI machine (measured: load
  // average 24 on 2 cores) one page takes seconds and a 30 s test limit failed
  // half the suite. The demo's replays may still be finishing when the first page opens.
  timeout: 120_000,
  expect: { timeout: 30_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: browser.kind === "found" ? browser.executablePath : DEBIAN_CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    // Waits until the demo has settled (replays complete, sign-offs written) before any spec opens a page.
    { name: "demo-ready", testMatch: /demo-ready\.setup\.ts/ },
    { name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined }, dependencies: ["demo-ready"] },
  ],
  webServer: {
    command: "tsx --conditions=react-server scripts/e2e-server.ts",
    // Readiness, not liveness: database migrated and the worker's queue in place before any spec runs.
    url: `http://127.0.0.1:${port}/api/health/ready`,
    // npm start builds first: 7.5 min measured on that machine.
    timeout: 1_200_000,
    reuseExistingServer: false,
    // SIGTERM, not Playwright's default SIGKILL: the server drops its throwaway database on the way out.
    gracefulShutdown: { signal: "SIGTERM", timeout: 30_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(port), RATCHET_DEMO_PASSWORD: E2E_DEMO_PASSWORD },
  },
});
