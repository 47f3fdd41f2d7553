#!/usr/bin/env node
// The installed `tassei` command runs the production build (dist/server, compiled JavaScript:
// no TypeScript is compiled at start-up), building it first when it is missing or older than
// the sources (scripts/build-server.mjs, esbuild). Where it cannot be built (a read-only
// installation without a build), the sources run through tsx's loader as in development.
// Either way in this same process, so that signals reach the program directly.
import { pathToFileURL } from "node:url";
import { ensureServerBuild, SERVER_ENTRY } from "../scripts/build-server.mjs";

let main;
if (await ensureServerBuild()) {
  ({ main } = await import(pathToFileURL(SERVER_ENTRY).href));
} else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
