import { describe, expect, it } from "vitest";
import { type ThreadMessage, threadsAwaitingMe } from "./todo.ts";

const msg = (
  rootId: number,
  id: number,
  author: string,
  body = "",
  authorDept: number | null = null,
) =>
  ({
    rootId,
    id,
    author,
    body,
    authorDepartmentId: authorDept,
    departmentId: 7,
  }) satisfies ThreadMessage;

describe("comments for me", () => {
  const editor = { actor: "user:1", username: "tanaka", departmentId: 7 };
  const planning = { actor: "user:9", username: "kikaku", departmentId: null };

  it("a reviewer's new thread on my department's manifesto, until the department answers", () => {
    expect(threadsAwaitingMe([msg(1, 1, "user:9")], editor).map((t) => t.reason)).toEqual([
      "department",
    ]);
    expect(threadsAwaitingMe([msg(1, 1, "user:9"), msg(1, 2, "user:2", "", 7)], editor)).toEqual(
      [],
    );
  });

  it("an answer in a thread I wrote in; not my own last word", () => {
    expect(
      threadsAwaitingMe([msg(1, 1, "user:9"), msg(1, 2, "user:1", "", 7)], planning)[0]?.reason,
    ).toBe("answer");
    expect(threadsAwaitingMe([msg(1, 1, "user:9")], planning)).toEqual([]);
  });

  it("a mention by @username, in any case, after I last wrote", () => {
    expect(
      threadsAwaitingMe([msg(1, 1, "user:5", "@Kikaku 確認をお願いします")], planning)[0]?.reason,
    ).toBe("mention");
    expect(threadsAwaitingMe([msg(1, 1, "user:5", "mail@kikaku.jp")], planning)).toEqual([]);
    expect(
      threadsAwaitingMe([msg(1, 1, "user:5", "@kikaku"), msg(1, 2, "user:9", "はい")], planning),
    ).toEqual([]);
  });
});
