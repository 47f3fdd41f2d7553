import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEMO_FILE = path.join(PROJECT_ROOT, "demo/iga-2023-somu.manifesto.json");

/** The demo document as parsed JSON; a fresh copy each call, safe to mutate. */
export function demoDocument(): Record<string, unknown> & { goals: Record<string, unknown>[] } {
  return JSON.parse(fs.readFileSync(DEMO_FILE, "utf8"));
}
