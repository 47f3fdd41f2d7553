import { describe, expect, it } from "vitest";
import { mentions, threadReason } from "./todo.ts";

const thread = (over: Partial<Parameters<typeof threadReason>[0]> = {}) => ({
  iWrote: false,
  forDepartment: false,
  mentionBodies: [],
  ...over,
});

describe("comments for me", () => {
  it("a mention by @username as a whole name, in any case or width", () => {
    expect(mentions("@Kikaku 確認をお願いします", "kikaku")).toBe(true);
    expect(mentions("＠ではなく @ｋｉｋａｋｕ さん", "kikaku")).toBe(true);
    expect(mentions("@kikaku.", "kikaku")).toBe(true);
    expect(mentions("mail@kikaku.jp", "kikaku")).toBe(false);
    expect(mentions("@kikaku2 お願いします", "kikaku")).toBe(false);
    expect(mentions("@kika お願いします", "kikaku")).toBe(false);
  });

  it("a mention wins over an answer, an answer over the department's new thread", () => {
    expect(threadReason(thread({ iWrote: true, mentionBodies: ["@kikaku"] }), "kikaku")).toBe(
      "mention",
    );
    expect(
      threadReason(
        thread({ iWrote: true, forDepartment: true, mentionBodies: ["@tanaka"] }),
        "kikaku",
      ),
    ).toBe("answer");
    expect(threadReason(thread({ forDepartment: true }), "kikaku")).toBe("department");
    expect(threadReason(thread({ mentionBodies: ["@kikaku2"] }), "kikaku")).toBeNull();
  });
});
