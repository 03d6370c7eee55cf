import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Rules a reviewer would otherwise have to remember: the UI reaches the API
// only through the typed client in lib/api-client, and components only render
// (pages and layouts load their data).

const root = path.resolve(import.meta.dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => path.join(dir, file));
}

function matches(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    readFileSync(path.join(root, file), "utf8")
      .split("\n")
      .flatMap((line, index) => (pattern.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
  );
}

/** Value imports (not `import type`) of modules whose path matches, as "file: module"; multi-line imports included. */
function valueImports(files: string[], modulePattern: RegExp): string[] {
  return files.flatMap((file) =>
    [...readFileSync(path.join(root, file), "utf8").matchAll(/^import\s+(?!type\b)[^;]*?from\s+"([^"]+)"/gm)]
      .map((match) => match[1] ?? "")
      .filter((module) => modulePattern.test(module))
      .map((module) => `${file}: ${module}`),
  );
}

const uiFiles = [...sourceFiles("components"), ...sourceFiles("app").filter((file) => !file.startsWith(path.join("app", "api")))];
const libFiles = sourceFiles("lib").filter((file) => !file.startsWith(path.join("lib", "api-client")));

describe("the UI calls the API through lib/api-client only", () => {
  it("no component or page calls fetch, apiFetch or apiUpload itself", () => {
    expect(uiFiles.length).toBeGreaterThan(50);
    expect(matches(uiFiles, /\b(fetch|apiFetch|apiUpload)\s*(<[^>]*>)?\s*\(/)).toEqual([]);
  });

  it("no lib module outside lib/api-client calls apiFetch or apiUpload", () => {
    expect(matches(libFiles, /\b(apiFetch|apiUpload)\s*(<[^>]*>)?\s*\(/)).toEqual([]);
  });

  it("the client imports only types from the rest of lib (client bundles must not pull in server modules)", () => {
    const clientFiles = sourceFiles(path.join("lib", "api-client"));
    expect(clientFiles.length).toBeGreaterThan(5);
    expect(valueImports(clientFiles, /^@\/lib\/(?!api-client\/)/)).toEqual([]);
  });
});

describe("components only render", () => {
  const componentFiles = sourceFiles("components");

  it("no component is async (a component that awaits is loading data its page should load)", () => {
    expect(matches(componentFiles, /\basync function [A-Z]|\b(const|let) [A-Z]\w* = async\b/)).toEqual([]);
  });

  it("no component imports the database client", () => {
    expect(valueImports(componentFiles, /^@\/lib\/db\/(prisma|generated\/client)$/)).toEqual([]);
  });
});
