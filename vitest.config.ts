import { defineConfig } from "vitest/config";

/** The suites that run on both storage engines: storage, commands and jobs. */
const BOTH_ENGINES = [
  "test/storage/**/*.test.ts",
  "test/commands/**/*.test.ts",
  "test/hardening/**/*.test.ts",
  "test/digest/**/*.test.ts",
  "test/delivery/**/*.test.ts",
  "test/training/**/*.test.ts",
  "test/alerts/**/*.test.ts",
  "test/replicas/**/*.test.ts",
];

export default defineConfig({
  test: {
    reporters: ["default", "json"],
    outputFile: { json: "test-results.json" },
    projects: [
      {
        extends: true,
        test: {
          name: "sqlite",
          include: ["test/**/*.test.ts"],
          exclude: ["test/replicas/**"],
          globalSetup: ["test/global-setup.ts"],
          pool: "forks",
          testTimeout: 45_000,
          hookTimeout: 45_000,
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: BOTH_ENGINES,
          exclude: ["test/storage/sqlite-*.test.ts"],
          globalSetup: ["test/global-setup.ts", "test/postgres-setup.ts"],
          env: { SECOPS_TEST_ENGINE: "postgres" },
          pool: "forks",
          testTimeout: 45_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
