// `tassei import FILE.xlsx` checks a workbook against the settings of the municipality it
// names, as the staff app's 取り込み does: a workbook whose tags come from the municipality's
// own vocabulary, and whose second score follows its second scale, carries neither setting
// itself (a blank template, or one another tool wrote without the hidden copies).
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT_MS, cliScratchPerFile, runCli } from "../../test/support/cli.ts";
import { extensionFixture } from "../../test/support/fixtures.ts";
import { exportTemplateXlsx } from "../reports/xlsx/index.ts";

const scratch = cliScratchPerFile("tassei-xlsx-settings-");
const prefecture = extensionFixture("prefecture");
const { scoreScale, tagVocabularies, ...relying } = prefecture;
const file = (name: string, content: string | Buffer) => {
  const p = path.join(scratch.dir, name);
  fs.writeFileSync(p, content);
  return p;
};

beforeAll(() => {
  expect(scoreScale).toBeDefined();
  expect(tagVocabularies).toBeDefined();
});

describe("tassei import of a workbook relying on its municipality's settings", {
  timeout: CLI_TEST_TIMEOUT_MS,
}, () => {
  it("is refused before the municipality has the settings, and imported once it has", async () => {
    const workbook = file("relying.xlsx", await exportTemplateXlsx({ doc: relying as never }));

    // Nothing to rely on yet: each cell naming the unknown vocabulary or the second score.
    const refused = runCli(["import", workbook], scratch.env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain(
      "シート「目標」セルO2: タグ（goals[0].tags[2]）：定義されていないタグです",
    );
    expect(refused.stderr).toContain("セルP2: 第二の評価（goals[0].evaluation.score）");

    const code = relying.municipality.code;
    const set = runCli(
      [
        "municipality",
        "set",
        "--municipality",
        code,
        "--name",
        relying.municipality.name,
        "--score-scale",
        file("score.json", JSON.stringify(scoreScale)),
        "--tag-vocabularies",
        file("vocabularies.json", JSON.stringify(tagVocabularies)),
      ],
      scratch.env,
    );
    expect([set.status, set.stderr]).toEqual([0, ""]);

    const imported = runCli(["import", workbook], scratch.env);
    expect([imported.status, imported.stderr]).toEqual([0, ""]);
    expect(imported.stdout).toContain("1 件のマニフェストを取り込みました");
    const back = runCli(
      [
        "export",
        "--municipality",
        code,
        "--year",
        String(relying.fiscalYear),
        "--department",
        relying.department.name,
      ],
      scratch.env,
    );
    const stored = JSON.parse(back.stdout) as typeof prefecture;
    expect(stored.goals.map((g) => g.tags)).toEqual(relying.goals.map((g) => g.tags));

    // Now a manifesto uses them, the settings cannot be taken away from under it.
    const shown = () => runCli(["municipality", "show", "--municipality", code], scratch.env);
    const before = shown().stdout;
    const removed = runCli(
      ["municipality", "set", "--municipality", code, "--no-tag-vocabularies", "--no-score-scale"],
      scratch.env,
    );
    expect(removed.status).toBe(2);
    expect(removed.stderr).toContain(
      "scoreScale: この変更で、保存済みのマニフェストの第二の評価が使えなくなります：2024年度 環境生活部（goals[0].evaluation.score）",
    );
    expect(removed.stderr).toContain("tagVocabularies: この変更で、保存済みのマニフェストのタグ");
    expect(shown().stdout).toBe(before);
  });
});
