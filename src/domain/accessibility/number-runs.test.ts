import { describe, expect, it } from "vitest";
import { numberRuns } from "./number-runs.ts";

const kept = (text: string) =>
  numberRuns(text)
    .filter((r) => r.keepWhole)
    .map((r) => r.text);

describe("numberRuns", () => {
  it("finds full-width numbers with their point, separators and per cent sign", () => {
    expect(kept("満足度３１．６％（令和４年度５１．３％）、参加者３，０００人")).toEqual([
      "３１．６％",
      "５１．３％",
      "３，０００",
    ]);
  });

  it("leaves half-width numbers and single digits to the browser", () => {
    expect(kept("満足度49.4%、令和６年度")).toEqual([]);
    expect(kept("６％")).toEqual(["６％"]);
  });

  it("joined again, the runs are the text as written", () => {
    for (const text of ["", "数字なし", "３１．６％", "前３１．６％後", "a１２b３４c"]) {
      expect(
        numberRuns(text)
          .map((r) => r.text)
          .join(""),
      ).toBe(text);
    }
  });
});
