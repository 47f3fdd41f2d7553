// The published checklist holds to the tests: each criterion said to be checked by a spec is
// named in that spec, each said to be checked by axe is in a spec that runs axe on its pages,
// and the list is the whole of JIS X 8341-3:2016 levels A and AA (38 criteria).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CRITERIA, conformanceOf, TESTED_PAGES } from "./conformance.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

describe("the accessibility checklist", () => {
  it("lists every success criterion of JIS X 8341-3:2016 A and AA once", () => {
    const jis = CRITERIA.filter((c) => c.source === "JIS");
    expect(jis.filter((c) => c.level === "A")).toHaveLength(25);
    expect(jis.filter((c) => c.level === "AA")).toHaveLength(13);
    const ids = CRITERIA.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("claims only tests that exist and check the criterion", () => {
    for (const c of CRITERIA) {
      expect(c.checks.length, c.id).toBeGreaterThan(0);
      for (const check of c.checks) {
        if (check.kind === "review") continue;
        const text = read(check.file ?? "");
        if (check.kind === "axe") expect(text, check.file).toContain("expectNoAxeViolations(");
        else
          expect(text, `${check.file} names ${c.id}`).toMatch(
            new RegExp(`\\b${c.id.replace(/\./g, "\\.")}\\b`),
          );
      }
    }
  });

  it("says why a criterion does not apply or is not met", () => {
    for (const c of CRITERIA) {
      if (c.portal !== "適合" || c.staff !== "適合") expect(c.note, c.id).toBeTruthy();
    }
  });

  it("publishes the portal pages that the axe test scans", () => {
    const spec = read("e2e/accessibility.spec.ts");
    expect(spec).toContain("TESTED_PAGES");
    expect(TESTED_PAGES.some((p) => p.scope === "staff")).toBe(true);
  });

  it("reaches 準拠 only when no criterion of the standard fails", () => {
    expect(conformanceOf("portal")).toBe("準拠");
    const staffFails = CRITERIA.some((c) => c.source === "JIS" && c.staff === "不適合");
    expect(conformanceOf("staff")).toBe(staffFails ? "一部準拠" : "準拠");
  });
});
