import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DEMO_FILE = path.join(PROJECT_ROOT, "demo/iga-2023-somu.manifesto.json");

/** The demo document as parsed JSON; a fresh copy each call, safe to mutate. */
export function demoDocument(): Record<string, unknown> & { goals: Record<string, unknown>[] } {
  return JSON.parse(fs.readFileSync(DEMO_FILE, "utf8"));
}

/** Documents shaped like other authorities' publications (FORMAT.md "Extensions"). */
export const EXTENSION_FIXTURES = {
  prefecture: path.join(PROJECT_ROOT, "test/fixtures/manifesto/prefecture-koteihyo-2024.json"),
  city: path.join(PROJECT_ROOT, "test/fixtures/manifesto/city-results-table-2023.json"),
} as const;

export function extensionFixture(name: keyof typeof EXTENSION_FIXTURES): ManifestoFixture {
  return JSON.parse(fs.readFileSync(EXTENSION_FIXTURES[name], "utf8"));
}

type ManifestoFixture = import("../../src/domain/manifesto/schema.ts").ManifestoDocument;
