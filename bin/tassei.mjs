#!/usr/bin/env node
// Installed as a package, `tassei` runs the TypeScript sources through tsx (a dependency),
// so that there is one way the code runs, in a checkout and installed alike.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const here = path.dirname(fileURLToPath(import.meta.url));
const tsx = path.join(path.dirname(require.resolve("tsx/package.json")), "dist/cli.mjs");
const main = path.join(here, "../src/cli/main.ts");
const result = spawnSync(process.execPath, [tsx, main, ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 1);
