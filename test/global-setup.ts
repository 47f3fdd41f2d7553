// Before any test file runs: an embedded database with the schema migrated, which each
// test file copies (a copy takes milliseconds; creating one takes seconds).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../src/db/connection.ts";

export default async function setup(project: TestProject) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-test-"));
  const template = path.join(root, "template");
  const handle = await openDatabase(
    { kind: "pglite", dataDir: template },
    { purpose: "test template" },
  );
  await handle.close();
  project.provide("pgliteTemplate", template);
  project.provide("testRoot", root);
  return () => fs.rmSync(root, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    testRoot: string;
  }
}
