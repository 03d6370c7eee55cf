import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkDependencies } from "./dependency-rules";

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

/** A throwaway source tree: `{ "lib/a.ts": "import …" }`. */
function tree(files: Record<string, string>): string {
  root = mkdtempSync(path.join(tmpdir(), "ratchet-deps-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const layered = {
  "lib/rates.ts": "export const rate = 0.1;\n",
  "components/rate-badge.ts": 'import { rate } from "../lib/rates";\nexport const badge = String(rate);\n',
  "app/page.ts": 'import { badge } from "../components/rate-badge";\nimport { rate } from "../lib/rates";\nexport default [badge, rate];\n',
  "scripts/print.ts": 'import { rate } from "../lib/rates";\nconsole.log(rate);\n',
};

describe("the dependency rules", () => {
  it("accept app → components → lib", { timeout: 60_000 }, async () => {
    const report = await checkDependencies(tree(layered));
    expect(report.violations).toEqual([]);
    expect(report.modules).toBe(4);
    expect(report.dependencies).toBe(4);
  });

  it("reject lib or components importing app, lib importing components, and any cycle", { timeout: 60_000 }, async () => {
    const report = await checkDependencies(
      tree({
        ...layered,
        "lib/routes.ts": 'import page from "../app/page";\nexport const routes = [page];\n',
        "components/nav.ts": 'import type page from "../app/page";\nexport type Nav = typeof page;\n',
        "lib/badge-text.ts": 'import { badge } from "../components/rate-badge";\nexport const text = badge;\n',
        "scripts/a.ts": 'import { b } from "./b";\nexport const a = () => b;\n',
        "scripts/b.ts": 'import { a } from "./a";\nexport const b = () => a;\n',
      }),
    );
    const found = report.violations.map((v) => `${v.rule} ${v.from} → ${v.to}`).sort();
    expect(found).toEqual([
      "lib-and-components-never-import-app components/nav.ts → app/page.ts",
      "lib-and-components-never-import-app lib/routes.ts → app/page.ts",
      "lib-never-imports-components lib/badge-text.ts → components/rate-badge.ts",
      "no-import-cycles scripts/a.ts → scripts/b.ts",
    ]);
    expect(report.violations.find((v) => v.rule === "no-import-cycles")?.cycle).toEqual(["scripts/b.ts", "scripts/a.ts"]);
  });

  it("count an import it cannot resolve, so a broken resolver cannot pass silently", { timeout: 60_000 }, async () => {
    const report = await checkDependencies(tree({ ...layered, "lib/lost.ts": 'import { gone } from "./gone";\nexport const lost = gone;\n' }));
    expect(report.unresolved).toBe(1);
  });
});
