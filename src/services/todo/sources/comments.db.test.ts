// Which comment threads reach whose to-do list, now that the database decides which threads
// may be for me (db/repositories/todo.ts listOpenThreadsForMe): a whole @username and not a
// longer name it begins, an answer to my message, a mention before my last word, resolved
// threads and other municipalities left out, the department rule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUserById } from "../../../db/repositories/users.ts";
import { insertComment, markCommentResolved } from "../../../db/repositories/workflow.ts";
import { createStaffFixture, type StaffFixture } from "../../../server/api/staff-test-setup.ts";
import { staffActor, staffContext, toStaffUser } from "../../auth/staff-context.ts";
import { createUser } from "../../users/create-user.ts";
import { commentsSource } from "./comments.ts";

let f: StaffFixture;
beforeAll(async () => {
  f = await createStaffFixture();
  for (const username of ["kikaku", "kikaku2"]) {
    await createUser(f.db.ctx, {
      username,
      password: "correct horse battery staple",
      role: "planning",
      municipalityCode: "242161",
    });
  }
});
afterAll(() => f?.close());

async function actor(username: string) {
  return staffActor(await f.userId(username));
}

/** A thread on `manifestoId`: [author, body] in order; the root's id. */
async function thread(manifestoId: number, ...messages: [string, string][]) {
  let parentId: number | null = null;
  let root = 0;
  for (const [username, body] of messages) {
    const c = await insertComment(f.db.ctx.db, {
      manifestoId,
      goalNumber: null,
      parentId,
      revision: 1,
      author: await actor(username),
      body,
    });
    if (parentId === null) root = c.id;
    parentId = c.id;
  }
  return root;
}

async function todo(username: string, municipalityCode = "242161") {
  const user = await findUserById(f.db.ctx.db, await f.userId(username));
  if (!user) throw new Error(username);
  const ctx = staffContext(f.db.ctx, toStaffUser(user));
  const departmentId = ctx.user.role.startsWith("department_")
    ? (ctx.user.departmentId ?? undefined)
    : undefined;
  const items = await commentsSource.items({
    ctx,
    today: "2026-06-10",
    scope: { municipalityCode, ...(departmentId !== undefined && { departmentId }) },
  });
  return items.map((i) => `${i.id} ${i.title.split(":")[0]}`).sort();
}

describe("comment threads for me, asked in SQL", () => {
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    ids.prefix = await thread(f.ids.B, ["planning", "@kikaku2 数値を確認してください"]);
    ids.answer = await thread(f.ids.B, ["kikaku", "目標1について"], ["admin", "修正しました"]);
    ids.mentionThenMine = await thread(
      f.ids.B,
      ["planning", "@kikaku 見てください"],
      ["kikaku", "了解です"],
      ["planning", "ありがとう"],
    );
    ids.resolved = await thread(f.ids.B, ["planning", "@kikaku 解決済み"]);
    await markCommentResolved(f.db.ctx.db, ids.resolved, "test");
    ids.otherTown = await thread(f.ids.M2, ["otherAdmin", "@kikaku 津市から"]);
    ids.department = await thread(f.ids.A, ["planning", "総務部への指摘"]);
    ids.departmentAnswered = await thread(
      f.ids.A,
      ["planning", "別の指摘"],
      ["head", "対応します"],
    );
    ids.wideName = await thread(f.ids.B, ["admin", "＠ではなく @ＫＩＫＡＫＵ. さん"]);
  });

  it("a whole @username reaches that person, not the one whose name it begins", async () => {
    expect(await todo("kikaku2")).toEqual([`comment:${ids.prefix} あなたあてのコメントがあります`]);
    expect(await todo("kikaku")).toEqual(
      [
        `comment:${ids.answer} あなたのコメントに返信がありました`,
        `comment:${ids.mentionThenMine} あなたのコメントに返信がありました`,
        `comment:${ids.wideName} あなたあてのコメントがあります`,
      ].sort(),
    );
  });

  it("the department's new thread reaches its editor and head until one of them answers", async () => {
    expect(await todo("editor")).toEqual([
      `comment:${ids.department} 部局への新しいコメントがあります`,
    ]);
    expect(await todo("head")).toEqual([
      `comment:${ids.department} 部局への新しいコメントがあります`,
    ]);
  });

  it("a thread whose last word is mine is not waiting for me; an answer to me is", async () => {
    expect(await todo("planning")).toEqual([
      `comment:${ids.departmentAnswered} あなたのコメントに返信がありました`,
    ]);
    expect(await todo("otherAdmin", "242021")).toEqual([]);
  });
});
