import { describe, expect, it } from "vitest";
import { goalRenumbering } from "./goal-renumbering.ts";

const goal = (number: number, title: string, mission = "使命", desiredState = "状態") => ({
  number,
  title,
  mission,
  desiredState,
});

describe("goalRenumbering", () => {
  it("lists nothing when goals keep their numbers", () => {
    const goals = [goal(1, "広報"), goal(2, "人材")];
    expect(goalRenumbering(goals, structuredClone(goals))).toEqual(new Map());
  });

  it("follows goals that were swapped and renumbered", () => {
    const before = [goal(1, "広報"), goal(2, "人材"), goal(3, "財政")];
    const after = [goal(1, "人材"), goal(2, "広報"), goal(3, "財政")];
    expect(goalRenumbering(before, after)).toEqual(
      new Map([
        [1, 2],
        [2, 1],
      ]),
    );
  });

  it("detaches the comments of a removed goal whose number now names the next goal", () => {
    const before = [goal(1, "広報"), goal(2, "人材"), goal(3, "財政")];
    const after = [goal(1, "広報"), goal(2, "財政")];
    expect(goalRenumbering(before, after)).toEqual(
      new Map<number, number | null>([
        [2, null],
        [3, 2],
      ]),
    );
  });

  it("keeps a goal whose title was edited in place, even when nothing else recognises it", () => {
    const before = [goal(1, "広報"), goal(2, "人材")];
    const after = [goal(1, "広報と広聴"), goal(2, "人材")];
    expect(goalRenumbering(before, after)).toEqual(new Map());
  });

  it("detaches the comments of a removed last goal", () => {
    const before = [goal(1, "広報"), goal(2, "人材")];
    expect(goalRenumbering(before, [goal(1, "広報")])).toEqual(new Map([[2, null]]));
  });

  it("compares titles after NFKC (full-width and half-width are the same goal)", () => {
    const before = [goal(1, "ＳＮＳの活用"), goal(2, "人材")];
    const after = [goal(1, "人材"), goal(2, "SNSの活用")];
    expect(goalRenumbering(before, after)).toEqual(
      new Map([
        [1, 2],
        [2, 1],
      ]),
    );
  });
});
