// Which imports the production build carries in its bundle (scripts/build-server.mjs,
// isBundled), wherever the project sits, including under a node_modules folder when it is
// installed as a package.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isBundled, recordBuildAndPrune } from "../scripts/build-server.mjs";

describe.each([
  ["a clone", "/opt/tassei/releases/v0.1.0"],
  ["an installed package", "/usr/lib/node_modules/tassei"],
])("the bundle of %s", (_where, root) => {
  const ours = path.join(root, "src/cli/main.ts");
  const inPackage = (name: string) => path.join(root, "node_modules", name, "index.js");

  it("carries the start-up packages our code imports, and leaves the others outside", () => {
    expect(isBundled("fastify", ours, root)).toBe(true);
    expect(isBundled("kysely", ours, root)).toBe(true);
    expect(isBundled("exceljs", ours, root)).toBe(false);
    expect(isBundled("@node-rs/argon2", ours, root)).toBe(false);
    expect(isBundled("@electric-sql/pglite/node-postgres", ours, root)).toBe(false);
  });

  it("carries what a bundled package imports, except what must stay outside", () => {
    expect(isBundled("avvio", inPackage("fastify"), root)).toBe(true);
    expect(isBundled("pino", inPackage("fastify"), root)).toBe(false);
    expect(isBundled("pg-native", inPackage("pg"), root)).toBe(false);
  });

  it("never carries Node's own modules", () => {
    expect(isBundled("node:fs", ours, root)).toBe(false);
    expect(isBundled("node:fs", inPackage("fastify"), root)).toBe(false);
  });
});

describe("old builds' files", () => {
  it("are removed once no kept build names them; files no record names stay", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-builds-"));
    try {
      const build = (now: number, files: string[]) => {
        for (const f of files) fs.writeFileSync(path.join(dir, f), String(now));
        recordBuildAndPrune(dir, files, { now, keep: 3 });
      };
      fs.writeFileSync(path.join(dir, "chunk-LEGACY.mjs"), "before records were kept");
      build(1, ["main.mjs", "chunk-A.mjs", "chunk-B.mjs", "chunk-B.mjs.map"]);
      build(2, ["main.mjs", "chunk-A.mjs", "chunk-C.mjs"]);
      build(3, ["main.mjs", "chunk-D.mjs"]);
      const present = () => fs.readdirSync(dir).sort();
      expect(present()).toContain("chunk-B.mjs");

      // The fourth build drops the first: B was only the first's; A is still the second's.
      build(4, ["main.mjs", "chunk-E.mjs"]);
      expect(present()).toEqual([
        ".build-2.json",
        ".build-3.json",
        ".build-4.json",
        "chunk-A.mjs",
        "chunk-C.mjs",
        "chunk-D.mjs",
        "chunk-E.mjs",
        "chunk-LEGACY.mjs",
        "main.mjs",
      ]);

      build(5, ["main.mjs", "chunk-E.mjs"]);
      expect(present()).toEqual([
        ".build-3.json",
        ".build-4.json",
        ".build-5.json",
        "chunk-D.mjs",
        "chunk-E.mjs",
        "chunk-LEGACY.mjs",
        "main.mjs",
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
