// Downloads from the manifesto page, and addresses that name nothing or cannot be read.

import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { exportManifesto } from "../../services/export-manifesto.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import { portalApp } from "./test-app.ts";

let t: TestDatabase;
let app: FastifyInstance;
const base = `/242161/2023/${encodeURIComponent("総務部")}`;

beforeAll(async () => {
  t = await createTestDatabase();
  await importManifesto(t.ctx, demoDocument(), { published: true });
  app = await portalApp(t);
});
afterAll(async () => {
  await app?.close();
  await t.destroy();
});

const get = (url: string) => app.inject({ method: "GET", url });

describe("downloads", () => {
  it("JSON equals the export", async () => {
    const res = await get(`${base}/manifesto.json`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("application/json");
    expect(res.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("242161-2023-総務部.json")}`,
    );
    const expected = await exportManifesto(t.ctx, {
      municipalityCode: "242161",
      fiscalYear: 2023,
      department: "総務部",
    });
    expect(JSON.parse(res.body)).toStrictEqual(expected);
  });

  it("CSV has a BOM and one row per target", async () => {
    const res = await get("/242161/2023/opendata.csv");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/csv");
    expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows: string[][] = parse(res.body.replace(/^\uFEFF/, ""));
    const targets = demoDocument().goals.reduce(
      (n, g) => n + ((g.targets as unknown[] | undefined)?.length ?? 0),
      0,
    );
    expect(rows.length - 1).toBe(targets);
    expect(rows[0]?.[0]).toBe("全国地方公共団体コード");
  });

  it("Excel opens with exceljs", async () => {
    const res = await get(`${base}/manifesto.xlsx`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toContain("マニフェスト");
  });

  it("PDF is a PDF", async () => {
    const res = await get(`${base}/manifesto.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
  });
});

describe("bad input gives a 400 or 404 page, never a 500", () => {
  const cases: [string, number][] = [
    ["/999999/2023/x", 404],
    ["/242161/abcd", 404],
    ["/242161/1800", 404],
    ["/242161/2030", 404],
    ["/242161/2023/x", 404],
    ["/242161/2023/x/manifesto.json", 404],
    ["/..%2F..%2Fetc/passwd", 404],
    ["/../../etc/passwd", 404],
    ["/242161/2023/%2E%2E%2F%2E%2E", 404],
    ["/242161/indicators/abc", 404],
    ["/242161/indicators/99999999999999", 404],
    ["/242161/departments/%00", 404],
    [`/242161/2023/${"あ".repeat(5000)}`, 404],
    ["/242161/a/b/c/d/e", 404],
    [`/242161/search?q=${"防".repeat(10_000)}`, 400],
    ["/242161/search?q=a&year=2023'--", 400],
    ["/242161/search?year=2023%27--", 400],
    ["/242161/search?level=1%20or%201=1", 400],
    ["/242161/search?q=a&q=b", 400],
    ["/242161/search?q=%00", 400],
    [`/search?q=${"x".repeat(10_000)}`, 400],
    ["/search?q=%E0%A4%A", 200], // a broken escape is read as text, not refused
  ];
  for (const [url, status] of cases) {
    it(`${url.slice(0, 60)} → ${status}`, async () => {
      const res = await get(url);
      expect(res.statusCode).toBe(status);
      expect(res.headers["content-type"]).toContain("text/html");
      expect(res.body).toContain('<html lang="ja">');
      // SQL or a stack trace, not the search form's <select> of tags.
      expect(res.body).not.toMatch(/at \w+ \(|(?<!<)select |stack/i);
    });
  }

  it("leaves unknown API paths to the API's JSON answer", async () => {
    const res = await get("/api/nothing");
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: "not_found" } });
  });
});
