#!/usr/bin/env node
// Installed as a package, `tassei` runs the TypeScript sources through tsx's loader (a
// dependency) in this same process, so that there is one way the code runs, in a checkout
// and installed alike, and signals reach the program directly.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
