// `tassei portal export`, run as a user runs it: the public site as files whose links all
// resolve inside the folder, the downloads real files that open, what the portal serves
// byte for byte, and a second export that writes only what changed and lists deletions.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../test/support/cli.ts";
import { createTestDatabase, type TestDatabase } from "../../../test/support/database.ts";
import { demoDocument } from "../../../test/support/fixtures.ts";
import { rewriteLinks } from "../../domain/static-site/paths.ts";
import { portalApp } from "../../server/portal/test-app.ts";
import { staffContext } from "../../services/auth/staff-context.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import { changeDepartment, listDepartments } from "../../services/master-data/departments.ts";

const CODE = "242161";
const SECOND = "危機管理部";
let t: TestDatabase;
let dir: string;
let out: string;

function exportSite(): { written: string[]; deleted: string[]; stderr: string } {
  const r = runCli(["portal", "export", "--municipality", CODE, "--out", out], t.env);
  expect(r.stderr).not.toContain("warning");
  expect(r.status).toBe(0);
  const lines = r.stdout.split("\n").filter(Boolean);
  const of = (kind: string) =>
    lines.filter((l) => l.startsWith(`${kind}\t`)).map((l) => l.slice(kind.length + 1));
  return { written: of("written"), deleted: of("deleted"), stderr: r.stderr };
}

function filesUnder(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => fs.statSync(path.join(root, f)).isFile())
    .map((f) => f.split(path.sep).join("/"))
    .sort();
}

beforeAll(async () => {
  t = await createTestDatabase();
  await importManifesto(t.ctx, demoDocument(), { published: true });
  const second = demoDocument();
  (second.department as { name: string }).name = SECOND;
  second.goals = second.goals.slice(0, 2);
  await importManifesto(t.ctx, second, { published: true });
  await t.close(); // the child process opens it
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-portal-export-"));
  out = path.join(dir, "site");
});
afterAll(async () => {
  await t?.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("tassei portal export", () => {
  let first: ReturnType<typeof exportSite>;
  const manifestoDir = `${CODE}/2023/総務部`;

  it("writes every page and download, each listed once", () => {
    first = exportSite();
    const files = filesUnder(out);
    expect(first.written.sort()).toEqual(files.filter((f) => f !== "tassei-export.json"));
    for (const f of [
      "index.html",
      "assets/portal.css",
      "assets/portal-search.js",
      "search/index.html",
      "accessibility/index.html",
      `${CODE}/index.html`,
      `${CODE}/goals/index.html`,
      `${CODE}/search/index.html`,
      `${CODE}/search-index.json`,
      `${CODE}/indicators/index.html`,
      `${CODE}/2023/index.html`,
      `${CODE}/2023/opendata.csv`,
      `${CODE}/departments/${SECOND}/index.html`,
      `${manifestoDir}/index.html`,
      `${manifestoDir}/manifesto.pdf`,
      `${manifestoDir}/manifesto.xlsx`,
      `${manifestoDir}/manifesto.json`,
      `${CODE}/2023/${SECOND}/manifesto.pdf`,
    ]) {
      expect(files).toContain(f);
    }
    expect(files.some((f) => /^\d{6}\/indicators\/\d+\/index\.html$/.test(f))).toBe(true);
  });

  it("links only relatively, and every link names a file of the export", () => {
    for (const file of filesUnder(out).filter((f) => f.endsWith(".html"))) {
      const body = fs.readFileSync(path.join(out, file), "utf8");
      const links = [...body.matchAll(/\s(?:href|src|action|data-[a-z-]+-href)="([^"]*)"/g)].map(
        (m) => m[1] ?? "",
      );
      expect(links.length).toBeGreaterThan(0);
      for (const link of links) {
        expect(link, `${file}: ${link}`).not.toMatch(/^\/|^[a-z]+:/);
        const target = link.replace(/[?#].*$/, "");
        if (target === "") continue; // a fragment of the page itself
        const resolved = path.join(path.dirname(path.join(out, file)), decodeURIComponent(target));
        expect(resolved.startsWith(out), `${file}: ${link}`).toBe(true);
        expect(fs.existsSync(resolved), `${file}: ${link}`).toBe(true);
      }
    }
  });

  it("writes what the portal serves: downloads byte for byte, pages with relative links", async () => {
    await t.reopen();
    const app = await portalApp(t);
    try {
      const served = async (url: string) => (await app.inject({ method: "GET", url })).rawPayload;
      const enc = encodeURIComponent;
      for (const [url, file] of [
        [`/${CODE}/2023/${enc("総務部")}/manifesto.json`, `${manifestoDir}/manifesto.json`],
        [`/${CODE}/2023/opendata.csv`, `${CODE}/2023/opendata.csv`],
        [`/${CODE}/search-index.json`, `${CODE}/search-index.json`],
        ["/assets/portal.css", "assets/portal.css"],
      ] as const) {
        expect(fs.readFileSync(path.join(out, file)).equals(await served(url)), file).toBe(true);
      }
      for (const [url, file] of [
        [`/${CODE}/2023/${enc("総務部")}`, `${manifestoDir}/index.html`],
        [`/${CODE}/indicators/1`, `${CODE}/indicators/1/index.html`],
        [`/${CODE}/goals`, `${CODE}/goals/index.html`],
      ] as const) {
        const page = (await served(url)).toString("utf8");
        expect(fs.readFileSync(path.join(out, file), "utf8")).toBe(rewriteLinks(page, file));
      }
    } finally {
      await app.close();
      await t.close();
    }
  });

  it("writes downloads that open: the workbook, the CSV and the PDF", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, `${manifestoDir}/manifesto.xlsx`));
    expect(wb.worksheets.map((w) => w.name)).toContain("マニフェスト");
    const csv = fs.readFileSync(path.join(out, `${CODE}/2023/opendata.csv`), "utf8");
    const rows: string[][] = parse(csv.replace(/^\uFEFF/, ""));
    expect(rows[0]?.[0]).toBe("全国地方公共団体コード");
    expect(new Set(rows.slice(1).map((r) => r.find((c) => c === SECOND)))).toContain(SECOND);
    const text = execFileSync("pdftotext", [path.join(out, `${manifestoDir}/manifesto.pdf`), "-"], {
      encoding: "utf8",
    });
    const title = String(demoDocument().goals[0]?.title);
    expect(text.replace(/\s/g, "")).toContain(title.replace(/\s/g, ""));
    const json = JSON.parse(
      fs.readFileSync(path.join(out, `${manifestoDir}/manifesto.json`), "utf8"),
    );
    expect(json.goals[0].title).toBe(title);
  });

  it("a second export with nothing changed writes nothing and deletes nothing", () => {
    const before = new Map(
      filesUnder(out).map((f) => [f, fs.statSync(path.join(out, f)).mtimeMs] as const),
    );
    const again = exportSite();
    expect(again.written).toEqual([]);
    expect(again.deleted).toEqual([]);
    expect(again.stderr).toContain("0 written");
    for (const [f, mtime] of before) {
      if (f === "tassei-export.json") continue;
      expect(fs.statSync(path.join(out, f)).mtimeMs, f).toBe(mtime);
    }
  });

  it("after a department gets a code, writes its new addresses and lists the old ones to delete", async () => {
    await t.reopen();
    const admin = staffContext(t.ctx, {
      id: 1,
      username: "admin",
      role: "admin",
      municipalityCode: CODE,
      departmentId: null,
    });
    const department = (await listDepartments(admin, CODE)).find((d) => d.name === SECOND);
    await changeDepartment(admin, CODE, department?.id ?? -1, { code: "K01" });
    await t.close();

    const next = exportSite();
    const oldFiles = [
      `${CODE}/2023/${SECOND}/index.html`,
      `${CODE}/2023/${SECOND}/manifesto.json`,
      `${CODE}/2023/${SECOND}/manifesto.pdf`,
      `${CODE}/2023/${SECOND}/manifesto.xlsx`,
      `${CODE}/departments/${SECOND}/index.html`,
    ];
    expect(next.deleted).toEqual([...oldFiles].sort());
    for (const f of oldFiles) expect(fs.existsSync(path.join(out, f))).toBe(false);
    expect(fs.existsSync(path.join(out, `${CODE}/2023/${SECOND}`))).toBe(false);
    expect(next.written).toEqual(
      expect.arrayContaining([
        `${CODE}/2023/K01/index.html`,
        `${CODE}/2023/K01/manifesto.pdf`,
        `${CODE}/departments/K01/index.html`,
        `${CODE}/2023/index.html`,
      ]),
    );
    // 総務部's own manifesto and downloads did not change.
    expect(next.written.filter((f) => f.startsWith(`${manifestoDir}/`))).toEqual([]);
    expect(next.written).not.toContain("assets/portal.css");
  });
});
