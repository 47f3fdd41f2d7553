// Import → export keeps every field of documents shaped like a prefecture's 工程表 and a
// city's results table (FORMAT.md "Extensions"); a document without the new keys exports
// without them.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extendedManifestoArb } from "../../test/arbitraries.ts";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { demoDocument, extensionFixture } from "../../test/support/fixtures.ts";
import { DEFAULT_SCALE } from "../domain/manifesto/default-scale.ts";
import type { ManifestoDocument } from "../domain/manifesto/schema.ts";
import { municipalityCheckDigit } from "../domain/municipality-code.ts";
import { exportManifesto } from "./export-manifesto.ts";
import { importManifesto } from "./import-manifesto.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.destroy();
});

async function roundTrip(doc: ManifestoDocument): Promise<ManifestoDocument> {
  await importManifesto(t.ctx, structuredClone(doc));
  return exportManifesto(t.ctx, {
    municipalityCode: doc.municipality.code,
    fiscalYear: doc.fiscalYear,
    department: doc.department.name,
  });
}

describe("documents of other authorities", () => {
  it.each(["prefecture", "city"] as const)(
    "gives back the %s document key for key",
    async (name) => {
      const doc = extensionFixture(name);
      const exported = await roundTrip(doc);
      expect(exported).toStrictEqual(doc);
      // Byte for byte: the keys in the order the format lists them, the new ones included.
      expect(JSON.stringify(exported, null, 2)).toBe(JSON.stringify(doc, null, 2));
    },
  );

  it("adds none of the new keys to an older document", async () => {
    const exported = (await roundTrip(demoDocument() as unknown as ManifestoDocument)) as Record<
      string,
      unknown
    >;
    expect(Object.keys(exported)).not.toContain("scoreScale");
    expect(Object.keys(exported)).not.toContain("tagVocabularies");
    const goalKeys = new Set((exported.goals as object[]).flatMap((g) => Object.keys(g)));
    for (const k of ["owner", "plan", "tags", "budget"]) expect(goalKeys).not.toContain(k);
  });
});

describe("any document using the new keys", () => {
  it("round-trips", async () => {
    let next = 20_000;
    await fc.assert(
      fc.asyncProperty(extendedManifestoArb, async (generated) => {
        next += 1;
        const five = String(next).padStart(5, "0");
        const doc = {
          ...generated,
          municipality: {
            ...generated.municipality,
            code: `${five}${municipalityCheckDigit(five)}`,
          },
        };
        const exported = await roundTrip(doc);
        expect(exported).toStrictEqual({
          ...doc,
          evaluationScale: doc.evaluationScale ?? DEFAULT_SCALE,
        });
      }),
      { numRuns: 25 },
    );
  });
});
