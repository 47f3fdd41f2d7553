// The browser's search script is the domain's search rules bundled, not a copy of them.
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { portalSearchScript } from "./search-script.ts";

describe("/assets/portal-search.js", () => {
  it("is one self-contained script that runs without modules and carries the shared rules", async () => {
    const script = await portalSearchScript();
    expect(script).not.toMatch(/^\s*(import|export)\s/m);
    expect(script).toContain("function searchWords(");
    expect(script).toContain("function matchRanges(");
    // Runs in a bare context: it looks for its container, finds none, and stops.
    const context = vm.createContext({
      document: { getElementById: () => null },
      location: { search: "", href: "http://localhost/" },
      URLSearchParams,
      URL,
    });
    expect(() => vm.runInContext(script, context)).not.toThrow();
  });

  it("is bundled once per process", async () => {
    expect(portalSearchScript()).toBe(portalSearchScript());
  });
});
