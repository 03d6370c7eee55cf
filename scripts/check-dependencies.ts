// npm run check:deps (part of npm test): fails when lib/ or components/ import
// app/, when lib/ imports components/, when app/ components/ lib/ scripts/ hold
// an import cycle, or when an import cannot be resolved (the check would be
// blind to it). The rules: scripts/dependency-rules.ts.
import { checkDependencies } from "./dependency-rules";

const report = await checkDependencies(process.cwd(), undefined, "tsconfig.json");
for (const v of report.violations) console.error(`${v.rule}: ${v.from} → ${v.to}${v.cycle ? ` (cycle: ${[v.from, ...v.cycle].join(" → ")})` : ""}`);
console.log(`${report.modules} modules, ${report.dependencies} imports between them, ${report.unresolved} unresolved, ${report.violations.length} violations`);
process.exit(report.violations.length || report.unresolved ? 1 : 0);
