// Which Chromium the end-to-end tier launches, and what to do when there is
// none: a pure decision over what this machine has (chooseBrowser), and the
// reader of those facts (readBrowserFacts). Used by scripts/ensure-browser.ts
// (before `playwright test`) and by playwright.config.ts (the path to launch).
// Playwright never downloads a browser here (AIRGAP.md): Debian's `chromium` package is the one we install.
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

/** Variables that name a browser, first set wins. CHROMIUM_PATH is the older name, still honoured. */
export const BROWSER_ENV_VARS = ["RATCHET_CHROMIUM", "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH", "CHROMIUM_PATH"] as const;
/** Looked up on PATH, in this order, after /usr/bin/chromium. */
export const BROWSER_COMMANDS = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] as const;
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";
/** Run in order when installing (as root, with apt-get). */
export const APT_INSTALL_COMMANDS = [
  ["apt-get", "update", "-qq"],
  ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"],
] as const;

export type BrowserFacts = {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  /** Directories of PATH. */
  pathDirs: readonly string[];
  isExecutable: (file: string) => boolean;
  /** Where a browser from `npx playwright install` would be (used only if it is there). */
  playwrightBrowser?: string;
  isRoot: boolean;
  hasAptGet: boolean;
};

export type BrowserChoice =
  | { kind: "found"; executablePath: string; source: string }
  | { kind: "install"; commands: readonly (readonly string[])[]; executablePath: string }
  | { kind: "missing"; message: string };

const HOW_TO_GET_ONE =
  "Install Chromium with your system's package manager (Debian: `apt-get install chromium`; Ubuntu: `apt-get install chromium-browser` or Google Chrome) " +
  "and run the tests again, or point RATCHET_CHROMIUM at a Chromium or Chrome executable you have. " +
  "Run as root on Debian, `npm run test:e2e` installs Debian's chromium itself (RATCHET_BROWSER_INSTALL=0 turns that off). " +
  "Playwright's own browser download (`npx playwright install`) is not used: it needs the internet.";

export function chooseBrowser(facts: BrowserFacts): BrowserChoice {
  for (const name of BROWSER_ENV_VARS) {
    const value = facts.env[name];
    if (!value) continue;
    // An explicit choice that is wrong is an error, not a reason to launch something else.
    if (facts.isExecutable(value)) return { kind: "found", executablePath: value, source: name };
    return { kind: "missing", message: `${name} is set to ${value}, which is not an executable file. ${HOW_TO_GET_ONE}` };
  }
  if (facts.isExecutable(DEBIAN_CHROMIUM)) return { kind: "found", executablePath: DEBIAN_CHROMIUM, source: DEBIAN_CHROMIUM };
  for (const command of BROWSER_COMMANDS) {
    for (const dir of facts.pathDirs) {
      const candidate = path.join(dir, command);
      if (facts.isExecutable(candidate)) return { kind: "found", executablePath: candidate, source: `${command} on PATH` };
    }
  }
  if (facts.playwrightBrowser && facts.isExecutable(facts.playwrightBrowser)) {
    return { kind: "found", executablePath: facts.playwrightBrowser, source: "Playwright's browser cache" };
  }
  const mayInstall = facts.env.RATCHET_BROWSER_INSTALL !== "0";
  if (facts.platform === "linux" && facts.isRoot && facts.hasAptGet && mayInstall) {
    return { kind: "install", commands: APT_INSTALL_COMMANDS, executablePath: DEBIAN_CHROMIUM };
  }
  const why = !mayInstall
    ? "RATCHET_BROWSER_INSTALL=0 forbids installing one"
    : facts.platform !== "linux" || !facts.hasAptGet
      ? "this machine has no apt-get to install Debian's chromium with"
      : "installing Debian's chromium needs root, and this is not root";
  return {
    kind: "missing",
    message: `The end-to-end tests need Chromium and none was found (${BROWSER_ENV_VARS.join(", ")} unset; no ${DEBIAN_CHROMIUM}; no ${BROWSER_COMMANDS.join(", ")} on PATH), and ${why}. ${HOW_TO_GET_ONE}`,
  };
}

/** This machine's facts. `playwrightBrowser` is passed in so this file needs no Playwright import. */
export function readBrowserFacts(playwrightBrowser?: string): BrowserFacts {
  const isExecutable = (file: string) => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  };
  const pathDirs = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  return {
    env: process.env,
    platform: process.platform,
    pathDirs,
    isExecutable,
    playwrightBrowser,
    isRoot: process.getuid?.() === 0,
    hasAptGet: pathDirs.some((dir) => isExecutable(path.join(dir, "apt-get"))),
  };
}
