// `tassei municipality set --score-scale FILE | --no-score-scale` and `--tag-vocabularies
// FILE | --no-tag-vocabularies`, shown by `municipality show`; an invalid setting is refused
// with the field named and changes nothing (issue 17).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../test/support/cli.ts";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { EXTENSION_FIXTURES } from "../../test/support/fixtures.ts";

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await createTestDatabase();
  await t.close(); // the child processes open it
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-extensions-"));
});
afterAll(async () => {
  await t.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

const show = () =>
  JSON.parse(runCli(["municipality", "show", "--municipality", "240001"], t.env).stdout) as {
    scoreScale: unknown;
    tagVocabularies: unknown;
    builtInTagVocabularies: string[];
  };
const set = (...args: string[]) =>
  runCli(["municipality", "set", "--municipality", "240001", ...args], t.env);
const file = (name: string, value: unknown) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, JSON.stringify(value));
  return p;
};

describe("tassei municipality set --score-scale / --tag-vocabularies", { timeout: 300_000 }, () => {
  it("sets, refuses naming the field, shows and clears them", () => {
    expect(runCli(["import", EXTENSION_FIXTURES.prefecture], t.env).status).toBe(0);
    expect(show()).toMatchObject({
      scoreScale: null,
      tagVocabularies: [],
      builtInTagVocabularies: ["sdg", "indicator"],
    });
    const score = {
      name: "達成度",
      levels: [
        { level: 2, label: "A" },
        { level: 1, label: "B" },
      ],
    };
    const vocabularies = [
      { id: "kenmin", name: "県民力ビジョン", tags: [{ id: "1", label: "1 安全" }] },
    ];
    const changed = set(
      "--score-scale",
      file("s.json", score),
      "--tag-vocabularies",
      file("v.json", vocabularies),
    );
    // The import created the municipality; this changes it.
    expect([changed.status, changed.stdout]).toEqual([0, "updated 240001 三重県\n"]);
    expect(show()).toMatchObject({ scoreScale: score, tagVocabularies: vocabularies });

    const refused = set(
      "--tag-vocabularies",
      file("bad.json", [{ id: "indicator", name: "x", tags: [{ id: "1", label: "1" }] }]),
    );
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain("tagVocabularies[0].id");
    expect(show().tagVocabularies).toEqual(vocabularies);

    expect(set("--no-score-scale", "--no-tag-vocabularies").status).toBe(0);
    expect(show()).toMatchObject({ scoreScale: null, tagVocabularies: [] });
  });
});
