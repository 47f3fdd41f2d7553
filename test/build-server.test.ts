// Which imports the production build carries in its bundle (scripts/build-server.mjs,
// isBundled), wherever the project sits, including under a node_modules folder when it is
// installed as a package.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isBundled } from "../scripts/build-server.mjs";

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
