// `tassei municipality set --pdf-layout koteihyo|FILE` / `--default-pdf-layout`, shown by
// `municipality show`; an invalid layout is refused with the field named (issue 17).
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
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-pdf-layout-"));
});
afterAll(async () => {
  await t.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

const show = () =>
  JSON.parse(runCli(["municipality", "show", "--municipality", "240001"], t.env).stdout) as {
    pdfLayout: unknown;
  };
const set = (...args: string[]) =>
  runCli(["municipality", "set", "--municipality", "240001", ...args], t.env);

// Each test runs the command several times as a child process (seconds each through tsx, more
// on a busy machine): a test of its own time limit, not of speed.
describe("tassei municipality set --pdf-layout", { timeout: 300_000 }, () => {
  it("chooses a preset or the municipality's own columns, and goes back to the default", () => {
    expect(runCli(["import", EXTENSION_FIXTURES.prefecture], t.env).status).toBe(0);
    expect(show().pdfLayout).toEqual({ preset: "manifesto" });
    expect(set("--pdf-layout", "koteihyo").status).toBe(0);
    expect(show().pdfLayout).toEqual({ preset: "koteihyo" });

    const file = path.join(dir, "layout.json");
    const own = {
      columns: [
        { title: "目標と所属", width: 2, fields: ["title", "owner"] },
        { title: "評定", width: 1, fields: ["level", "score"] },
      ],
    };
    fs.writeFileSync(file, JSON.stringify(own));
    expect(set("--pdf-layout", file).status).toBe(0);
    expect(show().pdfLayout).toEqual(own);

    fs.writeFileSync(
      file,
      JSON.stringify({ columns: [{ title: "x", width: 1, fields: ["pay"] }] }),
    );
    const refused = set("--pdf-layout", file);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain("pdfLayout");
    expect(show().pdfLayout).toEqual(own);

    expect(set("--default-pdf-layout").status).toBe(0);
    expect(show().pdfLayout).toEqual({ preset: "manifesto" });
  });
});
