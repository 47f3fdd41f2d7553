import { describe, expect, it } from "vitest";
import { progressReporter } from "./progress.ts";

function capture(isTTY: boolean) {
  let text = "";
  return {
    out: { isTTY, write: (s: string) => (text += s) },
    text: () => text,
  };
}

describe("progressReporter", () => {
  it("writes plain lines, no carriage return, when stderr is not a terminal", () => {
    const c = capture(false);
    const p = progressReporter("件", c.out);
    for (const done of [0, 1, 2]) p.update(done, 2);
    p.end();
    expect(c.text()).toBe("1/2 件\n2/2 件\n");
  });

  it("redraws a bar in place on a terminal and ends the line once", () => {
    const c = capture(true);
    const p = progressReporter("件", c.out);
    p.update(0, 4);
    p.update(2, 4);
    p.update(4, 4);
    p.end();
    const frames = c
      .text()
      .split("\r")
      .filter((f) => f !== "");
    expect(frames).toHaveLength(3);
    expect(frames[1]).toBe(`${"█".repeat(12)}${"░".repeat(12)} 2/4 件`);
    expect(c.text().endsWith("4/4 件\n")).toBe(true);
  });
});
