import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // "server-only" throws outside React Server Components; tests are server code.
      "server-only": path.join(root, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    environment: "node",
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.ts", "lib/**/*.test.ts", "components/**/*.test.{ts,tsx}", "scripts/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          // A limit catches a hang, not slowness: vitest's 5 s default fails second-long tests on a busy machine.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["**/*.integration.test.ts"],
          exclude: ["node_modules/**"],
          // The second one checks every recorded API answer against the OpenAPI document at teardown (it runs first).
          globalSetup: ["lib/testing/integration-global-setup.ts", "app/api/v1/openapi.json/openapi-conformance.global-setup.ts"],
          setupFiles: ["lib/testing/integration-setup-file.ts"],
          // One database, truncated between files: files must not run at once.
          fileParallelism: false,
          // Limits catch hangs; every wait inside a test is for an event. Measured beside CPU hogs on
          // the shared 2-core machine (load average ~30), single tests took minutes.
          testTimeout: 300_000,
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
