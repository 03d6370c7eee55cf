/** The pattern whose output the demo's recorded now-test found changed (seed-demo-now-tests.ts; the e2e spec reads it). */
export const DEMO_CHANGED_PATTERN = "Zipper broke, 'oh great'";
