// An import is one transaction per document: a process killed in the middle of a long
// import leaves each document either whole or absent, never half-written.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "../../bench/generate.ts";
import { spawnCli } from "../../test/support/cli.ts";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import type { ManifestoDocument } from "../domain/manifesto/schema.ts";
import { exportManifesto } from "./export-manifesto.ts";

let t: TestDatabase;
let dir: string;
const docs = new Map<string, ManifestoDocument>();
const keyOf = (d: { fiscalYear: number; department: { name: string } }) =>
  `${d.fiscalYear}/${d.department.name}`;

beforeAll(async () => {
  t = await createTestDatabase();
  await t.close();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-crash-"));
  for (const entry of generateDataset({ municipalities: 1, departments: 25, years: 8, seed: 7 })) {
    docs.set(keyOf(entry.document), entry.document);
  }
});
afterAll(async () => {
  await t.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("SIGKILL during a large import", () => {
  it("leaves every document whole or absent", async () => {
    const files = [...docs.values()].map((doc, i) => {
      const file = path.join(dir, `${String(i).padStart(4, "0")}.json`);
      fs.writeFileSync(file, JSON.stringify(doc));
      return file;
    });
    const child = spawnCli(["import", ...files], t.env);
    let out = "";
    let err = "";
    child.stderr?.on("data", (d) => {
      err += String(d);
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on("exit", (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on("data", (d) => {
        out += String(d);
        // Kill once writing is well under way, at no particular statement.
        if (/\[25\/\d+\]/.test(out)) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.on("exit", () => reject(new Error(`import ended before it was killed: ${err}`)));
    });
    expect(await exited).toBe("SIGKILL");

    await t.reopen(); // the killed process's lock is taken over; the database recovers
    const rows = await t.ctx.db
      .selectFrom("manifestos as m")
      .select((eb) => [
        "m.id",
        "m.fiscal_year",
        "m.department_name",
        eb
          .selectFrom("goals as g")
          .select(eb.fn.countAll<string>().as("n"))
          .whereRef("g.manifesto_id", "=", "m.id")
          .as("goals"),
        eb
          .selectFrom("targets as x")
          .select(eb.fn.countAll<string>().as("n"))
          .whereRef("x.manifesto_id", "=", "m.id")
          .as("targets"),
        eb
          .selectFrom("audit_events as a")
          .select(eb.fn.countAll<string>().as("n"))
          .whereRef("a.manifesto_id", "=", "m.id")
          .as("events"),
      ])
      .execute();
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(rows.length).toBeLessThan(docs.size);
    for (const row of rows) {
      const source = docs.get(`${row.fiscal_year}/${row.department_name}`);
      expect(source).toBeDefined();
      if (!source) continue;
      const targetCount = source.goals.reduce((n, g) => n + (g.targets?.length ?? 0), 0);
      expect(Number(row.goals)).toBe(source.goals.length);
      expect(Number(row.targets)).toBe(targetCount);
      expect(Number(row.events)).toBe(1);
      const exported = await exportManifesto(t.ctx, {
        municipalityCode: source.municipality.code,
        fiscalYear: source.fiscalYear,
        department: source.department.name,
      });
      expect(exported).toStrictEqual(source);
    }
    const revisions = await t.ctx.db
      .selectFrom("manifesto_revisions")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(revisions.n)).toBe(rows.length);
  });
});
