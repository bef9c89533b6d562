import { defineConfig } from "vitest/config";

// `unit` is pure and fast: worker threads, and a short timeout so a hang fails in seconds.
// `integration` and `e2e` run the real server in child processes: forks, and minutes allowed.
const unit = { include: ["test/unit/**/*.test.{ts,tsx}"], testTimeout: 10_000, hookTimeout: 10_000 };
/** Unit files that change process-wide state a worker thread may not touch (process.umask). */
const ownProcess = ["test/unit/trust.test.ts"];
const slow = { pool: "forks" as const, testTimeout: 60_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    // Integration files each start their own server; two cores, so not too many at once.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: "unit", ...unit, exclude: ownProcess, pool: "threads" } },
      { extends: true, test: { name: "unit-forks", ...unit, include: ownProcess, pool: "forks" } },
      { extends: true, test: { name: "integration", include: ["test/integration/**/*.test.ts"], ...slow } },
      { extends: true, test: { name: "e2e", include: ["test/e2e/**/*.test.ts"], ...slow } },
    ],
  },
});
