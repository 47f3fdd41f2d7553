// Import → export gives back exactly the imported document, for any valid document
// (FORMAT.md: every key, same values, empty strings and arrays kept, arrays in order; the
// only additions are the municipality's defaults the document relies on).
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validManifestoArb } from "../../test/arbitraries.ts";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { DEFAULT_SCALE } from "../domain/manifesto/default-scale.ts";
import type { ManifestoDocument } from "../domain/manifesto/schema.ts";
import { municipalityCheckDigit } from "../domain/municipality-code.ts";
import { ValidationError } from "../errors.ts";
import { exportManifesto } from "./export-manifesto.ts";
import { importManifesto } from "./import-manifesto.ts";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.destroy();
});

async function revisionCount(): Promise<number> {
  const row = await t.ctx.db
    .selectFrom("manifesto_revisions")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// Each run its own municipality: a document matches the master data it creates, while a
// later one naming the same code differently would rightly be refused (master-data tests).
let nextMunicipality = 10_000;
function inOwnMunicipality(generated: ManifestoDocument): ManifestoDocument {
  nextMunicipality += 1;
  const five = String(nextMunicipality).padStart(5, "0");
  const code = `${five}${municipalityCheckDigit(five)}`;
  return { ...generated, municipality: { ...generated.municipality, code } };
}

describe("import → export round trip", () => {
  it("gives back every generated document", async () => {
    await fc.assert(
      fc.asyncProperty(validManifestoArb.map(inOwnMunicipality), async (doc) => {
        const input = structuredClone(doc);
        await importManifesto(t.ctx, input);
        const exported = await exportManifesto(t.ctx, {
          municipalityCode: doc.municipality.code,
          fiscalYear: doc.fiscalYear,
          department: doc.department.name,
        });
        const expected = { ...doc, evaluationScale: doc.evaluationScale ?? DEFAULT_SCALE };
        expect(exported).toStrictEqual(expected);
        expect(input).toStrictEqual(doc); // the caller's object is not changed
      }),
      { numRuns: 60 },
    );
  });

  it("refuses any document with an unknown key, writing nothing", async () => {
    const keyArb = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter((k) => !/^(goals|format)$/.test(k));
    await fc.assert(
      fc.asyncProperty(validManifestoArb, keyArb, fc.nat(), async (doc, key, at) => {
        const broken = structuredClone(doc) as unknown as { goals: Record<string, unknown>[] };
        const goal = broken.goals[at % broken.goals.length]!;
        if (key in goal) return;
        goal[key] = "typo";
        const before = await revisionCount();
        const error = await importManifesto(t.ctx, broken).catch((e) => e);
        expect(error).toBeInstanceOf(ValidationError);
        const paths = (error as ValidationError).problems.map((p) => p.path);
        expect(paths).toContain(`goals[${at % broken.goals.length}].${key}`);
        expect(await revisionCount()).toBe(before);
      }),
      { numRuns: 30 },
    );
  });
});
