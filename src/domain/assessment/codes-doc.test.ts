// docs/assessment-codes.md is the contract of `assess --json`: every code the assessment can
// give has its row there (severity, meaning, example), and the document names no other.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../../test/support/fixtures.ts";
import { FINDING_CODES } from "./types.ts";

const doc = fs.readFileSync(path.join(PROJECT_ROOT, "docs/assessment-codes.md"), "utf8");
/** `| \`code\` | severity | meaning | example |` rows of the document's tables. */
const rows = [...doc.matchAll(/^\|\s*`([a-z_]+)`\s*\|([^\n]*)$/gmu)].map((m) => ({
  code: m[1] ?? "",
  cells: (m[2] ?? "").split("|").map((c) => c.trim()),
}));

describe("docs/assessment-codes.md", () => {
  it("documents every code once, with its severity, meaning and an example", () => {
    for (const code of FINDING_CODES) {
      const found = rows.filter((r) => r.code === code);
      expect(found, code).toHaveLength(1);
      const [severity, meaning, example] = found[0]?.cells ?? [];
      expect(["warning", "notice"], code).toContain(severity);
      expect(meaning, code).not.toBe("");
      expect(example, code).not.toBe("");
    }
  });

  it("names no code the assessment does not give", () => {
    const known = new Set<string>(FINDING_CODES);
    expect(rows.map((r) => r.code).filter((c) => !known.has(c))).toEqual([]);
  });
});
