import { cruise, type ICruiseResult, type IForbiddenRuleType } from "dependency-cruiser";
import extractTSConfig from "dependency-cruiser/config-utl/extract-ts-config";

// Dependencies point one way: app/ → components/ → lib/. Checked on the real
// import graph (dependency-cruiser resolves every import, type-only ones too,
// through tsconfig's "@/" paths), so a wrong import fails `npm test` and CI.

export const SOURCE_ROOTS = ["app", "components", "lib", "scripts"];

export const DEPENDENCY_RULES: IForbiddenRuleType[] = [
  {
    name: "lib-and-components-never-import-app",
    comment: "app/ holds routes; code that must know every route lives with the routes (app/api/v1/openapi.json).",
    severity: "error",
    from: { path: "^(lib|components)/" },
    to: { path: "^app/" },
  },
  {
    name: "lib-never-imports-components",
    comment: "lib/ is the product without its UI: pages pass data down to components, never the reverse.",
    severity: "error",
    from: { path: "^lib/" },
    to: { path: "^components/" },
  },
  {
    name: "no-import-cycles",
    comment: "A cycle makes load order matter and hides which layer owns what.",
    severity: "error",
    from: { path: "^(app|components|lib|scripts)/" },
    to: { circular: true },
  },
];

export type DependencyViolation = { rule: string; from: string; to: string; cycle?: string[] };
export type DependencyReport = { modules: number; dependencies: number; unresolved: number; violations: DependencyViolation[] };

/** Cruises `roots` under `baseDir`: every import that breaks a rule, and how much was read (an import it cannot resolve is counted, so a broken resolver cannot pass silently). */
export async function checkDependencies(baseDir: string, roots = SOURCE_ROOTS, tsConfigFile?: string): Promise<DependencyReport> {
  const previous = process.cwd();
  // dependency-cruiser resolves relative to the working directory.
  process.chdir(baseDir);
  try {
    const result = await cruise(
      roots,
      {
        baseDir,
        validate: true,
        ruleSet: { forbidden: DEPENDENCY_RULES },
        doNotFollow: { path: "node_modules" },
        exclude: { path: "(^|/)(node_modules|lib/db/generated)/" },
        tsPreCompilationDeps: true,
        ...(tsConfigFile ? { tsConfig: { fileName: tsConfigFile } } : {}),
      },
      { extensions: [".ts", ".tsx", ".mjs", ".js", ".json"], conditionNames: ["import", "require", "node", "types", "default"], exportsFields: ["exports"] },
      tsConfigFile ? { tsConfig: extractTSConfig(tsConfigFile) } : {},
    );
    const output = result.output as ICruiseResult;
    const local = output.modules.filter((m) => !m.coreModule && !m.source.includes("node_modules"));
    return {
      modules: local.length,
      dependencies: local.reduce((n, m) => n + m.dependencies.filter((d) => !d.coreModule && !d.resolved.includes("node_modules")).length, 0),
      unresolved: local.reduce((n, m) => n + m.dependencies.filter((d) => d.couldNotResolve).length, 0),
      violations: output.summary.violations.map((v) => ({
        rule: v.rule.name,
        from: v.from,
        to: v.to,
        ...(v.cycle ? { cycle: v.cycle.map((step) => (typeof step === "string" ? step : step.name)) } : {}),
      })),
    };
  } finally {
    process.chdir(previous);
  }
}
