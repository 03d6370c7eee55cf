// Runs before `playwright test` (npm run test:e2e): makes sure a Chromium is
// there to launch. Uses the one it finds (scripts/choose-browser.ts); as root
// with apt-get and none found, installs Debian's `chromium`, saying so; else
// exits 1 with one paragraph on what to install or which variable to set.
import { spawnSync } from "node:child_process";
import { chromium } from "@playwright/test";
import { chooseBrowser, readBrowserFacts } from "./choose-browser";

const choice = chooseBrowser(readBrowserFacts(chromium.executablePath()));

if (choice.kind === "found") {
  console.log(`[e2e] browser: ${choice.executablePath} (${choice.source})`);
  process.exit(0);
}
if (choice.kind === "missing") {
  console.error(`[e2e] ${choice.message}`);
  process.exit(1);
}

console.log("[e2e] no Chromium found; running as root with apt-get, so installing Debian's chromium package:");
for (const command of choice.commands) {
  console.log(`[e2e]   ${command.join(" ")}`);
  const result = spawnSync(command[0]!, command.slice(1), { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (result.status !== 0) {
    console.error(
      `[e2e] \`${command.join(" ")}\` failed (${result.error?.message ?? `exit ${result.status}`}). Install Chromium yourself (Debian: \`apt-get install chromium\`) ` +
        "or point RATCHET_CHROMIUM at a Chromium or Chrome executable, then run the tests again.",
    );
    process.exit(1);
  }
}
const after = chooseBrowser(readBrowserFacts(chromium.executablePath()));
if (after.kind !== "found") {
  console.error(`[e2e] chromium was installed but no browser is found at ${choice.executablePath}. Point RATCHET_CHROMIUM at the executable.`);
  process.exit(1);
}
console.log(`[e2e] browser: ${after.executablePath} (installed just now)`);
