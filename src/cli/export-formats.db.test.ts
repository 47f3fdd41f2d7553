import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT_MS, cliScratchPerFile, runCli } from "../../test/support/cli.ts";
import { DEMO_FILE, demoDocument } from "../../test/support/fixtures.ts";

const scratch = cliScratchPerFile("tassei-formats-");
beforeAll(() => {
  expect(runCli(["import", DEMO_FILE], scratch.env).status).toBe(0);
});

const demo = ["--municipality", "242161", "--year", "2023"];

// Each test runs the command several times as a child process (seconds each through tsx, more
// on a busy machine): a test of its own time limit, not of speed.
describe("tassei export --format xlsx and csv, import of .xlsx", {
  timeout: CLI_TEST_TIMEOUT_MS,
}, () => {
  it("writes a workbook that opens, and imports back to the same manifesto", async () => {
    const file = path.join(scratch.dir, "somu.xlsx");
    const r = runCli(
      ["export", ...demo, "--department", "総務部", "--format", "xlsx", "--out", file],
      scratch.env,
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toContain("マニフェスト");
    const imported = runCli(["import", file], scratch.env);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain("第2版");
    const back = runCli(["export", ...demo, "--department", "総務部"], scratch.env);
    expect(JSON.parse(back.stdout)).toStrictEqual(demoDocument());
  });

  it("writes an empty template, and one prefilled from a stored manifesto that imports back", async () => {
    const empty = path.join(scratch.dir, "empty.xlsx");
    expect(runCli(["template", "--out", empty], scratch.env).status).toBe(0);
    const refused = runCli(["import", empty], scratch.env);
    expect(refused.status).toBe(2); // nothing filled in: each required cell is named
    expect(refused.stderr).toContain("シート「");
    expect(refused.stderr).toContain("入力してください");
    expect(refused.stderr).not.toContain("is required");
    const filled = path.join(scratch.dir, "filled.xlsx");
    const r = runCli(["template", ...demo, "--department", "総務部", "--out", filled], scratch.env);
    expect(r.status).toBe(0);
    expect(runCli(["import", filled], scratch.env).status).toBe(0);
    const back = runCli(["export", ...demo, "--department", "総務部"], scratch.env);
    expect(JSON.parse(back.stdout)).toStrictEqual(demoDocument());
    const partial = runCli(["template", "--municipality", "242161", "--out", filled], scratch.env);
    expect(partial.status).toBe(2);
  });

  it("writes the open-data CSV of the year with a BOM and one row per target", () => {
    const r = runCli(["export", ...demo, "--format", "csv"], scratch.env);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith("\uFEFF")).toBe(true);
    const rows = parse(r.stdout.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(10); // the demo's ten targets
    expect(rows.filter((row) => row.達成状況 === "未達成")).toHaveLength(2);
  });

  it("writes the official PDF, and a booklet of the published manifestos only", () => {
    const pdf = path.join(scratch.dir, "somu.pdf");
    const r = runCli(
      ["export", ...demo, "--department", "総務部", "--format", "pdf", "--out", pdf],
      scratch.env,
    );
    expect(r.status).toBe(0);
    expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/Pages:\s+3/);
    const text = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    expect(text).toContain("部局マニフェスト");
    expect(text).toContain("伝わる広報と市民の市政参画の促進".slice(0, 8));
    const booklet = path.join(scratch.dir, "booklet.pdf");
    // the demo was imported as a draft: nothing is published yet
    const none = runCli(["booklet", ...demo, "--out", booklet], scratch.env);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("no published manifesto");
    const proof = runCli(
      ["booklet", ...demo, "--include-unpublished", "--out", booklet],
      scratch.env,
    );
    expect(proof.status).toBe(0);
    expect(proof.stderr).toMatch(/\d+\t総務部/);
    expect(execFileSync("pdftotext", [booklet, "-"], { encoding: "utf8" })).toContain("総務部");
  });

  it("refuses json and xlsx without a department, a CSV of an empty year, and a broken workbook", () => {
    const noDept = runCli(["export", ...demo, "--format", "json"], scratch.env);
    expect(noDept.status).toBe(2);
    expect(noDept.stderr).toContain("--department");
    expect(noDept.stderr).toContain("部局（--department）を指定してください");
    expect(noDept.stderr).toContain("--format json では指定が必要です");
    const empty = runCli(
      ["export", "--municipality", "242161", "--year", "2001", "--format", "csv"],
      scratch.env,
    );
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain("指定した団体・年度・部局のマニフェストがありません");
    const junk = path.join(scratch.dir, "junk.xlsx");
    fs.writeFileSync(junk, Buffer.from("PK\u0003\u0004 not really a zip"));
    const bad = runCli(["import", junk], scratch.env);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Excel ファイル（.xlsx）として読み込めません");
  });

  it("refuses a JSON file that is not UTF-8 instead of reading mojibake", () => {
    const sjis = path.join(scratch.dir, "sjis.json");
    fs.writeFileSync(sjis, Buffer.from([0x7b, 0x22, 0x82, 0xa0, 0x22, 0x7d]));
    const r = runCli(["import", sjis], scratch.env);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("UTF-8 のテキストではありません");
  });
});
