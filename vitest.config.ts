import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "bench/**/*.test.ts"],
    // Integration tests open real databases (PGlite is WebAssembly and takes memory), and
    // the machine has two cores: a few files at a time is the fast setting here.
    pool: "forks",
    globalSetup: ["test/global-setup.ts"],
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
