// `tassei municipality set --pdf-layout koteihyo|FILE` / `--default-pdf-layout`, shown by
// `municipality show`; an invalid layout is refused with the field named (issue 17).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT_MS, cliScratchPerFile, runCli } from "../../test/support/cli.ts";
import { EXTENSION_FIXTURES } from "../../test/support/fixtures.ts";

const scratch = cliScratchPerFile("tassei-pdf-layout-");

const show = () =>
  JSON.parse(runCli(["municipality", "show", "--municipality", "240001"], scratch.env).stdout) as {
    pdfLayout: unknown;
  };
const set = (...args: string[]) =>
  runCli(["municipality", "set", "--municipality", "240001", ...args], scratch.env);

// Each test runs the command several times as a child process (seconds each through tsx, more
// on a busy machine): a test of its own time limit, not of speed.
describe("tassei municipality set --pdf-layout", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it("chooses a preset or the municipality's own columns, and goes back to the default", () => {
    expect(runCli(["import", EXTENSION_FIXTURES.prefecture], scratch.env).status).toBe(0);
    expect(show().pdfLayout).toEqual({ preset: "manifesto" });
    expect(set("--pdf-layout", "koteihyo").status).toBe(0);
    expect(show().pdfLayout).toEqual({ preset: "koteihyo" });

    const file = path.join(scratch.dir, "layout.json");
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
