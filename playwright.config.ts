// Browser tests of the public portal (e2e/), on Debian's Chromium against the real
// `tassei serve` that e2e/global-setup.ts starts on a scratch embedded database.
import { defineConfig } from "@playwright/test";
import type { PortalOptions } from "./e2e/fixtures.ts";

export default defineConfig<PortalOptions>({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // Output stays under .test-artifacts, which git and Biome ignore.
  outputDir: ".test-artifacts/playwright-output",
  // Two cores, one server: one browser at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  reporter: "list",
  projects: [
    { name: "live", use: { portal: "live" } },
    // The portal's specs again against Iga's static export served under /sub/dir/ (issue 16);
    // tests that need the live server carry the tag @live-only.
    {
      name: "static-export",
      testMatch: ["search.spec.ts", "citizen-path.spec.ts", "no-javascript.spec.ts"],
      grepInvert: /@live-only/,
      use: { portal: "static" },
    },
  ],
  use: {
    headless: true,
    browserName: "chromium",
    locale: "ja-JP",
    timezoneId: "Asia/Tokyo",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      // Without the background-networking switches Chromium's own connections are refused
      // on a closed network and page loads stall.
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
});
