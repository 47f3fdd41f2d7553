// A system inside the LGWAN side may make no call to the internet: no CDN, no web fonts, no
// telemetry. This test creates a network namespace with only a loopback interface and no
// route (`unshare --net`, in a user namespace so that it needs no privilege beyond what root
// or an unprivileged user has) and, inside it, runs the real server and Chromium through
// every portal page, every staff page and every staff API address that needs no identifier
// (test/offline/visit-everything.ts). Anything that needed the network would fail there, and
// any request to another host is listed.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "./support/fixtures.ts";

const SCRIPT = path.join(PROJECT_ROOT, "test/offline/visit-everything.ts");

describe("no outbound calls", () => {
  it("every page and the staff API work in a network namespace without a route", () => {
    const { DATABASE_URL: _u, TASSEI_DATA_DIR: _d, ...env } = process.env;
    const r = spawnSync(
      "unshare",
      [
        "--net",
        "--map-root-user",
        "sh",
        "-c",
        `ip link set lo up && exec "${process.execPath}" --import tsx "${SCRIPT}"`,
      ],
      { cwd: PROJECT_ROOT, env, encoding: "utf8", timeout: 540_000 },
    );
    expect(r.status, `${r.stderr}\n${r.error ?? ""}`).toBe(0);
    const report = JSON.parse(r.stdout.trim().split("\n").at(-1) ?? "{}");
    // The namespace: loopback only, no route anywhere.
    expect(report.links).toEqual(["lo"]);
    expect(report.routes).toBe("");
    expect(report.routes6).toBe("");

    expect(report.outside).toEqual([]);
    expect(report.failures).toEqual([]);
    expect(report.portalPages).toEqual(
      expect.arrayContaining([
        "/",
        "/242161",
        "/242161/2023",
        `/242161/2023/${encodeURIComponent("総務部")}`,
        "/242161/indicators",
        "/242161/goals",
        "/accessibility",
      ]),
    );
    expect(report.portalPages.some((p: string) => /^\/242161\/indicators\/\d+$/.test(p))).toBe(
      true,
    );
    expect(report.downloads).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/manifesto\.pdf$/),
        expect.stringMatching(/\.csv$/),
      ]),
    );
    expect(report.staffPages).toEqual(
      expect.arrayContaining(["/staff/", "/staff/dashboard", "/staff/admin/departments"]),
    );
    expect(
      report.staffPages.some((p: string) => /^\/staff\/manifestos\/\d+\/history$/.test(p)),
    ).toBe(true);
    expect(report.apiCalls.length).toBeGreaterThan(5);
  }, 600_000);
});
