import { describe, expect, it } from "vitest";
import { APT_INSTALL_COMMANDS, chooseBrowser, type BrowserFacts } from "./choose-browser";

/** A machine with exactly these executables. */
function machine(executables: string[], overrides: Partial<BrowserFacts> = {}): BrowserFacts {
  const present = new Set(executables);
  return {
    env: {},
    platform: "linux",
    pathDirs: ["/usr/local/bin", "/usr/bin", "/snap/bin"],
    isExecutable: (file) => present.has(file),
    isRoot: false,
    hasAptGet: true,
    ...overrides,
  };
}

describe("chooseBrowser", () => {
  it("takes the browser a variable names, RATCHET_CHROMIUM first, over any on the machine", () => {
    const facts = machine(["/usr/bin/chromium", "/opt/a/chrome", "/opt/b/chrome"], {
      env: { RATCHET_CHROMIUM: "/opt/a/chrome", PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: "/opt/b/chrome" },
    });
    expect(chooseBrowser(facts)).toEqual({ kind: "found", executablePath: "/opt/a/chrome", source: "RATCHET_CHROMIUM" });
    const playwrightVar = machine(["/usr/bin/chromium", "/opt/b/chrome"], { env: { PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: "/opt/b/chrome" } });
    expect(chooseBrowser(playwrightVar)).toEqual({ kind: "found", executablePath: "/opt/b/chrome", source: "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH" });
    const legacyVar = machine(["/opt/c/chrome"], { env: { CHROMIUM_PATH: "/opt/c/chrome" } });
    expect(chooseBrowser(legacyVar)).toEqual({ kind: "found", executablePath: "/opt/c/chrome", source: "CHROMIUM_PATH" });
  });

  it("refuses a variable that names no executable, even as root with a browser installed (never launches another one silently)", () => {
    const choice = chooseBrowser(machine(["/usr/bin/chromium"], { env: { RATCHET_CHROMIUM: "/nope/chrome" }, isRoot: true }));
    expect(choice.kind).toBe("missing");
    expect(choice.kind === "missing" && choice.message).toMatch(/^RATCHET_CHROMIUM is set to \/nope\/chrome, which is not an executable file\./);
  });

  it("prefers Debian's /usr/bin/chromium, then chromium, chromium-browser, google-chrome on PATH in that order", () => {
    expect(chooseBrowser(machine(["/usr/bin/chromium", "/usr/local/bin/chromium"]))).toEqual({ kind: "found", executablePath: "/usr/bin/chromium", source: "/usr/bin/chromium" });
    expect(chooseBrowser(machine(["/usr/bin/google-chrome", "/snap/bin/chromium-browser"]))).toEqual({
      kind: "found",
      executablePath: "/snap/bin/chromium-browser",
      source: "chromium-browser on PATH",
    });
    expect(chooseBrowser(machine(["/usr/bin/google-chrome-stable", "/usr/local/bin/google-chrome"]))).toMatchObject({ executablePath: "/usr/local/bin/google-chrome" });
  });

  it("uses a browser Playwright downloaded earlier only when it is there", () => {
    const cached = "/root/.cache/ms-playwright/chromium-1/chrome-linux64/chrome";
    expect(chooseBrowser(machine([cached], { playwrightBrowser: cached }))).toEqual({ kind: "found", executablePath: cached, source: "Playwright's browser cache" });
    expect(chooseBrowser(machine([], { playwrightBrowser: cached })).kind).toBe("missing");
  });

  it("installs Debian's chromium with apt-get when none is found and it runs as root on Linux", () => {
    expect(chooseBrowser(machine([], { isRoot: true }))).toEqual({ kind: "install", commands: APT_INSTALL_COMMANDS, executablePath: "/usr/bin/chromium" });
    expect(APT_INSTALL_COMMANDS.map((c) => c.join(" "))).toEqual(["apt-get update -qq", "apt-get install -y -qq --no-install-recommends chromium"]);
  });

  it("fails with one paragraph saying why it cannot install and what to do: not root, no apt-get, not Linux, or installing turned off", () => {
    const cases: [Partial<BrowserFacts>, RegExp][] = [
      [{ isRoot: false }, /needs root, and this is not root/],
      [{ isRoot: true, hasAptGet: false }, /no apt-get/],
      [{ isRoot: true, platform: "darwin" }, /no apt-get/],
      [{ isRoot: true, env: { RATCHET_BROWSER_INSTALL: "0" } }, /RATCHET_BROWSER_INSTALL=0 forbids installing one/],
    ];
    for (const [overrides, why] of cases) {
      const choice = chooseBrowser(machine([], overrides));
      expect(choice.kind, JSON.stringify(overrides)).toBe("missing");
      const message = choice.kind === "missing" ? choice.message : "";
      expect(message).toMatch(why);
      expect(message).toMatch(/apt-get install chromium/);
      expect(message).toMatch(/RATCHET_CHROMIUM/);
      expect(message).not.toMatch(/\n/);
    }
  });
});
