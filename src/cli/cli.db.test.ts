import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT_MS, cliScratchPerFile, runCli } from "../../test/support/cli.ts";
import { DEMO_FILE, demoDocument } from "../../test/support/fixtures.ts";

const scratch = cliScratchPerFile("tassei-cli-");

const exportArgs = [
  "export",
  "--municipality",
  "242161",
  "--year",
  "2023",
  "--department",
  "総務部",
];

describe("tassei import / export", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it("imports the demo and exports exactly the same document", () => {
    const imported = runCli(["import", DEMO_FILE], scratch.env);
    expect(imported.stderr).toBe("");
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain("242161 2023 総務部 第1版（新規）");
    expect(imported.stdout).toContain("1 件のマニフェストを取り込みました");
    const out = path.join(scratch.dir, "out.json");
    const exported = runCli([...exportArgs, "--out", out], scratch.env);
    expect(exported.status).toBe(0);
    expect(JSON.parse(fs.readFileSync(out, "utf8"))).toStrictEqual(demoDocument());
    const toStdout = runCli(exportArgs, scratch.env);
    expect(JSON.parse(toStdout.stdout)).toStrictEqual(demoDocument());
  });

  it("refuses every file when one is invalid, listing each problem with its path (exit 2)", () => {
    const good = path.join(scratch.dir, "good.json");
    const bad = path.join(scratch.dir, "bad.json");
    const doc = demoDocument();
    doc.fiscalYear = 2030;
    fs.writeFileSync(good, JSON.stringify(doc));
    const broken = demoDocument();
    (broken.municipality as { code: string }).code = "242162";
    (broken.goals[0] as { evaluation: { level: number } }).evaluation.level = 9;
    fs.writeFileSync(bad, JSON.stringify(broken));
    const notJson = path.join(scratch.dir, "not.json");
    fs.writeFileSync(notJson, "{ not json");
    const r = runCli(["import", good, bad, notJson], scratch.env);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad}: municipality.code: 検査数字が正しくありません`);
    expect(r.stderr).toContain(`${bad}: goals[0].evaluation.level: 評価基準「`);
    expect(r.stderr).toContain(`${notJson}: $: JSON として読み取れません`);
    expect(r.stderr).toContain("3 件中 2 件のファイルに問題があるため、何も取り込みませんでした");
    // the good file was not imported either
    const gone = runCli([...exportArgs.slice(0, 4), "2030", ...exportArgs.slice(5)], scratch.env);
    expect(gone.status).toBe(2);
    expect(gone.stderr).toContain("no manifesto");
  });

  it("answers a missing file, a bad option and a bad code with exit 2 and a clear message", () => {
    const missing = runCli(["import", path.join(scratch.dir, "nope.json")], scratch.env);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("no such file");
    const badYear = runCli(
      ["export", "--municipality", "242161", "--year", "20x3", "--department", "x"],
      scratch.env,
    );
    expect(badYear.status).toBe(2);
    expect(badYear.stderr).toContain("must be a fiscal year");
    const badCode = runCli(
      ["export", "--municipality", "242162", "--year", "2023", "--department", "x"],
      scratch.env,
    );
    expect(badCode.status).toBe(2);
    expect(badCode.stderr).toContain("check digit");
    const unknown = runCli(["import", "--frobnicate"], scratch.env);
    expect(unknown.status).toBe(2);
  });

  it("describes every command and option in --help", () => {
    const top = runCli(["--help"], scratch.env);
    expect(top.status).toBe(0);
    for (const cmd of [
      "serve",
      "import",
      "export",
      "assess",
      "municipality",
      "plan",
      "indicators",
    ]) {
      expect(top.stdout).toContain(cmd);
    }
    const exportHelp = runCli(["export", "--help"], scratch.env);
    expect(exportHelp.status).toBe(0);
    for (const opt of ["--municipality", "--year", "--department", "--format", "--out"]) {
      expect(exportHelp.stdout).toContain(opt);
    }
  });
});

describe("tassei import of targets written as text only (issue #11)", {
  timeout: CLI_TEST_TIMEOUT_MS,
}, () => {
  it("keeps them as written and flags each, with the code the assessment proposes a measure by", () => {
    const doc = demoDocument();
    doc.fiscalYear = 2025;
    // A plan: the demo's first target without its measure or result.
    type Loose = { text: string; measure?: unknown; result?: unknown };
    const target = (doc.goals[0] as { targets: Loose[] }).targets[0];
    if (!target) throw new Error("the demo's first target is missing");
    delete target.measure;
    delete target.result;
    const file = path.join(scratch.dir, "text-only.json");
    fs.writeFileSync(file, JSON.stringify(doc));
    const r = runCli(["import", file], scratch.env);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(
      "数値が文章だけに書かれた達成目標 1 件（target_not_structured）: goals[0].targets[0]",
    );
    const exported = runCli(
      [...exportArgs.slice(0, 4), "2025", ...exportArgs.slice(5)],
      scratch.env,
    );
    const stored = JSON.parse(exported.stdout) as typeof doc;
    expect(stored.goals[0]).toEqual(doc.goals[0]);
  });
});

describe("tassei assess", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  type Out = {
    goals: {
      number: number;
      level: number;
      claim: string;
      targets: { status: string; margin?: number }[];
      findings: { code: string; severity: string; target?: number; message: string }[];
    }[];
  };

  function expectDemoAssessment(out: Out) {
    expect(out.goals.map((g) => g.number)).toEqual([1, 2, 3, 4, 5, 6]);
    const byGoal = (n: number) => out.goals.find((g) => g.number === n)!;
    expect(byGoal(1).findings).toMatchObject([{ severity: "warning", target: 0 }]);
    expect(byGoal(1).findings[0]?.message).toContain("49.4");
    expect(byGoal(4).findings).toMatchObject([{ severity: "warning", target: 1 }]);
    expect(byGoal(5).findings).toMatchObject([
      { code: "exceeded_on_milestones_only", severity: "notice" },
    ]);
    for (const n of [2, 3, 6]) expect(byGoal(n).findings).toEqual([]);
    expect(byGoal(1).claim).toBe("achieved");
    expect(byGoal(2).targets[0]?.status).toBe("met");
    expect(byGoal(2).targets[0]?.margin).toBeCloseTo((230 - 204) / 230, 6);
    expect(byGoal(1).targets.map((x) => x.status)).toEqual(["not_met", "met"]);
  }

  it("assesses a file without opening the database", () => {
    const r = runCli(["assess", DEMO_FILE, "--json"], {
      TASSEI_DATA_DIR: "/nonexistent/never-created",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expectDemoAssessment(JSON.parse(r.stdout));
    expect(fs.existsSync("/nonexistent/never-created")).toBe(false);
  });

  it("assesses stored manifestos of a department, or of a whole year as a list", () => {
    const one = runCli(
      ["assess", "--municipality", "242161", "--year", "2023", "--department", "総務部", "--json"],
      scratch.env,
    );
    expect(one.status).toBe(0);
    expectDemoAssessment(JSON.parse(one.stdout));
    const year = runCli(
      ["assess", "--municipality", "242161", "--year", "2023", "--json"],
      scratch.env,
    );
    const list = JSON.parse(year.stdout) as { manifestos: (Out & { department: string })[] };
    expect(list.manifestos.map((m) => m.department)).toEqual(["総務部"]);
    expectDemoAssessment(list.manifestos[0]!);
    const text = runCli(["assess", "--municipality", "242161", "--year", "2023"], scratch.env);
    expect(text.stdout).toContain("2023（令和5）年度 総務部");
    expect(text.stdout).toContain("警告 2、注意 1");
  });

  it("refuses an assessment with neither a file nor a municipality and year (exit 2)", () => {
    const r = runCli(["assess"], scratch.env);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--municipality");
    const none = runCli(["assess", "--municipality", "242161", "--year", "2001"], scratch.env);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("no manifesto");
  });
});
