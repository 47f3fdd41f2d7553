// The reading commands next to a running `tassei serve` (a real process): on the embedded
// database the server holds the data directory, so each reads a copy the server writes
// through its socket, and says so; on PostgreSQL each reads the database itself. Before,
// every one of them was refused on the embedded database until the server was stopped.
// The files are opened and read back: JSON parsed, CSV rows, PDF text, workbook cells.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliAsync } from "../../../test/support/cli.ts";
import {
  createTestDatabase,
  TEST_BACKEND,
  type TestDatabase,
} from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { type RunningServer, startServer } from "../../../test/support/server.ts";
import type { ManifestoDocument } from "../../domain/manifesto/schema.ts";
import { pdfText, squeeze } from "../../reports/pdf/test-support.ts";
import { importManifesto } from "../../services/import-manifesto.ts";

const SLOW = 300_000;
const COPY = /reading a copy taken through the running server, PID (\d+)/;
const IGA = ["--municipality", "242161", "--year", "2023"];

let t: TestDatabase;
let server: RunningServer | undefined;
let dir: string;
const demo = demoDocument() as unknown as ManifestoDocument;

beforeAll(async () => {
  t = await createTestDatabase();
  await importManifesto(t.ctx, demo, { published: true });
  await t.close(); // the server takes the data directory
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-read-serving-"));
  server = await startServer({ ...t.env, TASSEI_DEMO: "off" });
}, SLOW);
afterAll(async () => {
  await server?.stop();
  await t?.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs a command; it succeeds, and reads a copy exactly where the server holds the data. */
async function read(args: string[]): Promise<string> {
  const r = await runCliAsync(args, t.env);
  expect(r.status, r.stderr).toBe(0);
  if (TEST_BACKEND === "pglite") {
    expect(r.stderr.match(COPY)?.[1]).toBe(String(server?.child.pid));
  } else {
    expect(r.stderr).not.toMatch(COPY);
  }
  return r.stdout;
}

describe("while the server runs", () => {
  it(
    "exports the manifesto as JSON and the year as open-data CSV",
    async () => {
      const json = JSON.parse(await read(["export", ...IGA, "--department", "総務部"]));
      expect(json.department.name).toBe(demo.department.name);
      expect(json.goals.map((g: { title: string }) => g.title)).toEqual(
        demo.goals.map((g) => g.title),
      );
      const csv = await read(["export", ...IGA, "--format", "csv"]);
      const rows: string[][] = parse(csv, { bom: true });
      expect(rows.length).toBe(1 + demo.goals.flatMap((g) => g.targets).length);
      expect(rows[1]).toContain("総務部");
    },
    SLOW,
  );

  it(
    "writes the manifesto's PDF and the year's booklet",
    async () => {
      const pdf = path.join(dir, "somu.pdf");
      await read(["export", ...IGA, "--department", "総務部", "--format", "pdf", "--out", pdf]);
      const first = demo.goals[0]?.title ?? "";
      expect(squeeze(pdfText(pdf))).toContain(squeeze(first));
      const booklet = path.join(dir, "booklet.pdf");
      await read(["booklet", ...IGA, "--out", booklet]);
      expect(squeeze(pdfText(booklet))).toContain(squeeze(first));
    },
    SLOW,
  );

  it(
    "writes the template prefilled from the stored manifesto",
    async () => {
      const out = path.join(dir, "template.xlsx");
      await read(["template", ...IGA, "--department", "総務部", "--out", out]);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(out);
      const cells: string[] = [];
      book.eachSheet((sheet) =>
        sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text)))),
      );
      expect(cells).toContain(demo.goals[0]?.title);
    },
    SLOW,
  );

  it(
    "assesses the stored year and lists its indicators",
    async () => {
      const assessed = JSON.parse(await read(["assess", ...IGA, "--json"]));
      expect(assessed.manifestos).toHaveLength(1);
      expect(assessed.manifestos[0].goals).toHaveLength(demo.goals.length);
      const indicators = JSON.parse(await read(["indicators", "--municipality", "242161"]));
      expect(indicators.indicators.length).toBeGreaterThan(0);
      // The server was not disturbed.
      const page = await fetch(`${server?.url}/242161`);
      expect(page.status).toBe(200);
    },
    SLOW,
  );
});
