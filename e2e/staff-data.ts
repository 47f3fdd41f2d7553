// The staff workspace's browser tests work on their own municipality, so that moving a
// manifesto through the workflow never changes what the portal's tests read: Nabari's
// 総務部 for 2024, the demo's plan without results, imported as a draft, and one account
// per role. A second draft (企画財政部, with its own editor) is for the tests that must not
// depend on where the workflow test has moved 総務部: keyboard editing, axe, inert text.
import fs from "node:fs";
import { DEMO_FILE } from "../test/support/fixtures.ts";
import { FULL_WIDTH_NUMBERS } from "./test-data.ts";

export const NABARI = { code: "242080", name: "名張市" } as const;
export const STAFF_YEAR = 2024;
export const STAFF_DEPARTMENT = "総務部";
export const STAFF_PASSWORD = "e2e-password-名張-2024";
export const SECOND_DEPARTMENT = "企画財政部";
/** A published plan of its own for the progress report test (issue 14): 中間報告 follows publication. */
export const PROGRESS_DEPARTMENT = "健康福祉部";
/** A department with last year's manifesto too (the history checks); no test moves it. */
export const HISTORY_DEPARTMENT = "市民部";
/** The notification test's own department, so returning it moves nothing the others read. */
export const NOTICE_DEPARTMENT = "建設部";

export const ACCOUNTS = {
  editor: { username: "nabari-editor", role: "department_editor", displayName: "名張 編集" },
  head: { username: "nabari-head", role: "department_head", displayName: "名張 部長" },
  planner: { username: "nabari-planner", role: "planning", displayName: "名張 企画" },
  admin: { username: "nabari-admin", role: "admin", displayName: "名張 管理" },
  viewer: { username: "nabari-viewer", role: "viewer", displayName: "名張 閲覧" },
  secondEditor: {
    username: "nabari-kikaku-editor",
    role: "department_editor",
    displayName: "名張 企画財政 編集",
    department: SECOND_DEPARTMENT,
  },
  progressEditor: {
    username: "nabari-kenko-editor",
    role: "department_editor",
    displayName: "名張 健康福祉 編集",
    department: PROGRESS_DEPARTMENT,
  },
  noticeEditor: {
    username: "nabari-kensetsu-editor",
    role: "department_editor",
    displayName: "名張 建設 編集",
    department: NOTICE_DEPARTMENT,
    email: "kensetsu-editor@city.nabari.lg.jp",
  },
  noticeHead: {
    username: "nabari-kensetsu-head",
    role: "department_head",
    displayName: "名張 建設 部長",
    department: NOTICE_DEPARTMENT,
    email: "kensetsu-head@city.nabari.lg.jp",
  },
} as const;
export type AccountName = keyof typeof ACCOUNTS;

type Doc = Record<string, unknown> & {
  goals: (Record<string, unknown> & { targets: Record<string, unknown>[] })[];
};

/** The demo's plan for Nabari 2024: no results, no self-evaluation. */
export function nabariDraft(department: string = STAFF_DEPARTMENT): Doc {
  const doc = JSON.parse(fs.readFileSync(DEMO_FILE, "utf8")) as Doc;
  doc.municipality = { code: NABARI.code, name: NABARI.name, prefecture: "三重県" };
  doc.fiscalYear = STAFF_YEAR;
  doc.department = { ...(doc.department as Record<string, unknown>), name: department };
  // Full-width numbers in the document's own text, for the 320 CSS px checks.
  const first = doc.goals[0];
  if (first) first.desiredState = `${String(first.desiredState)}${FULL_WIDTH_NUMBERS}`;
  for (const goal of doc.goals) {
    delete goal.evaluation;
    for (const target of goal.targets) delete target.result;
  }
  return doc;
}

/** The demo with its results as Nabari's 2023: last year of HISTORY_DEPARTMENT. */
export function nabariLastYear(department: string = HISTORY_DEPARTMENT): Doc {
  const doc = JSON.parse(fs.readFileSync(DEMO_FILE, "utf8")) as Doc;
  doc.municipality = { code: NABARI.code, name: NABARI.name, prefecture: "三重県" };
  doc.department = { ...(doc.department as Record<string, unknown>), name: department };
  return doc;
}

/** HISTORY_DEPARTMENT's 2024 plan: the demo's, without goal 4's second indicator of 2023. */
export function nabariHistoryDraft(): Doc {
  const doc = nabariDraft(HISTORY_DEPARTMENT);
  doc.goals[3]?.targets.splice(1, 1);
  return doc;
}

/** `tassei user add` arguments for each account (the password comes on stdin). */
export function accountArgs(name: AccountName): string[] {
  const a = ACCOUNTS[name];
  const args = ["user", "add", "--username", a.username, "--role", a.role];
  args.push("--municipality", NABARI.code, "--display-name", a.displayName, "--password-stdin");
  if (a.role === "department_editor" || a.role === "department_head") {
    args.push("--department", "department" in a ? a.department : STAFF_DEPARTMENT);
  }
  if ("email" in a) args.push("--email", a.email);
  return args;
}
