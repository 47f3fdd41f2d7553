// `tassei municipality set --progress FILE` / `--default-progress` and `municipality show`:
// the municipality's own words for the progress report's status and its due day (issue 14).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT_MS, cliScratchPerFile, runCli } from "../../test/support/cli.ts";
import { DEMO_FILE } from "../../test/support/fixtures.ts";

const scratch = cliScratchPerFile("tassei-progress-settings-");

const show = () =>
  JSON.parse(runCli(["municipality", "show", "--municipality", "242161"], scratch.env).stdout);

describe("tassei municipality set --progress", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it("stores the words and the day, refuses a bad file, and goes back to the defaults", () => {
    expect(runCli(["import", DEMO_FILE], scratch.env).status).toBe(0);
    const file = path.join(scratch.dir, "progress.json");
    const own = {
      statuses: [
        { label: "順調", behind: false },
        { label: "強化要", behind: true },
      ],
      dueMonthDay: "11-30",
    };
    fs.writeFileSync(file, JSON.stringify(own));
    const set = runCli(
      ["municipality", "set", "--municipality", "242161", "--progress", file],
      scratch.env,
    );
    expect(set.stderr).toBe("");
    expect(set.status).toBe(0);
    expect(show()).toMatchObject({ progressSettings: own, progressSettingsAreDefault: false });

    fs.writeFileSync(file, JSON.stringify({ ...own, dueMonthDay: "13-01" }));
    const bad = runCli(
      ["municipality", "set", "--municipality", "242161", "--progress", file],
      scratch.env,
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("progressSettings.dueMonthDay");

    const back = runCli(
      ["municipality", "set", "--municipality", "242161", "--default-progress"],
      scratch.env,
    );
    expect(back.status).toBe(0);
    expect(show().progressSettings.statuses.map((s: { label: string }) => s.label)).toEqual([
      "順調",
      "やや遅れ",
      "遅れ",
    ]);
    // Six child processes: on a loaded machine this takes longer than the default limit.
  }, 300_000);
});
