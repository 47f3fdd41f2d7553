// The staff workspace against the JIS X 8341-3:2016 AA success criteria that axe does not
// check: label in name (2.5.3) on every control of every page, errors that name the field
// (3.3.1, 3.3.3), where the focus goes after each action (2.4.3), nothing covered by the
// sticky save bar at 320×256 CSS px (2.4.7, 1.4.10), the 320 px width (400 %, 1.4.4) with
// the text spacing of 1.4.12, and the contrast of the dashboard's chart (1.4.11, 1.4.1).
// Works on the second draft (企画財政部) and never moves it through the workflow.
import type { Page } from "@playwright/test";
import { expect, expectNoAxeViolations, test } from "./fixtures.ts";
import { type AccountName, SECOND_DEPARTMENT } from "./staff-data.ts";
import {
  expectSaved,
  openBrowser,
  openManifesto,
  saveStatus,
  screenshot,
  signIn,
} from "./staff-helpers.ts";
import {
  applyTextSpacing,
  brokenWords,
  clippedText,
  contrastRatio,
  labelInNameMismatches,
  sidewaysOverflow,
} from "./wcag-checks.ts";

async function loaded(page: Page): Promise<void> {
  await expect(page.getByText(/読み込んでいます…/)).toHaveCount(0);
}

const focusedHeading = (page: Page, name: string | RegExp) =>
  expect(page.getByRole("heading", { level: 1, name })).toBeFocused();

/** Each page a role sees, reached through the navigation as a person does; `check` runs on
 * each page once it has loaded (the start page is checked by the caller). */
type Check = (name: string) => Promise<void>;
const PAGES: { who: AccountName; visit: (page: Page, check: Check) => Promise<void> }[] = [
  {
    who: "secondEditor",
    visit: async (page, check) => {
      await openManifesto(page, SECOND_DEPARTMENT);
      await loaded(page);
      await check("editor");
      await page.getByRole("link", { name: /変更履歴/ }).click();
      await expect(page.getByRole("heading", { name: "リビジョン 1", exact: true })).toBeVisible();
      await check("history");
    },
  },
  {
    who: "viewer",
    visit: async (page, check) => {
      await openManifesto(page, SECOND_DEPARTMENT);
      await check("manifesto");
    },
  },
  {
    who: "admin",
    visit: async (page, check) => {
      await page.getByRole("link", { name: "ユーザー管理", exact: true }).click();
      await expect(page.getByRole("table", { name: "アカウントの一覧" })).toBeVisible();
      await check("users");
    },
  },
  {
    who: "planner",
    visit: async (page, check) => {
      await page.getByRole("link", { name: "ダッシュボード", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "ダッシュボード" })).toBeVisible();
      await check("dashboard");
    },
  },
];

test.describe("2.5.3 label in name", () => {
  for (const { who, visit } of PAGES) {
    test(`every control's accessible name contains its visible text, as ${who}`, async ({
      browser,
      baseURL,
    }) => {
      if (!baseURL) throw new Error("no baseURL");
      const staff = await signIn(browser, baseURL, who);
      const { page } = staff;
      await loaded(page);
      const found: string[] = [];
      const check = async (name: string) => {
        await loaded(page);
        for (const m of await labelInNameMismatches(page)) {
          found.push(`${name}: ${m.role} 「${m.visible}」 named 「${m.name}」`);
        }
      };
      await check("start");
      await visit(page, check);
      expect(found).toEqual([]);
      await staff.context.close();
    });
  }

  test("the check finds a name that hides the visible text", async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(
      '<main><button aria-label="目標1 を削除">この目標を削除</button><button aria-label="削除（目標1）">削除</button></main>',
    );
    expect(await labelInNameMismatches(page)).toEqual([
      { role: "button", name: "目標1 を削除", visible: "この目標を削除" },
    ]);
    await context.close();
  });
});

test.describe("sign-in and password change name the field (3.3.1, 3.3.2, 3.3.3)", () => {
  test("empty sign-in fields are named in Japanese, marked invalid and focused", async ({
    browser,
    baseURL,
  }, testInfo) => {
    if (!baseURL) throw new Error("no baseURL");
    const { context, page } = await openBrowser(browser, baseURL);
    await page.goto("/staff/");
    const username = page.getByRole("textbox", { name: "ユーザー名", exact: true });
    const password = page.getByLabel("パスワード", { exact: true });
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await expect(page.getByRole("alert")).toHaveText("入力内容を確認してください。");
    await expect(username).toHaveAttribute("aria-invalid", "true");
    await expect(username).toHaveAccessibleDescription("ユーザー名を入力してください");
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(password).toHaveAccessibleDescription("パスワードを入力してください");
    await expect(username).toBeFocused();
    await screenshot(page, testInfo, "sign-in-empty");

    await username.fill("nabari-editor");
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    await expect(username).not.toHaveAttribute("aria-invalid", "true");
    await expect(password).toBeFocused();

    // 2.4.3: a refused sign-in puts the focus on the refusal, not on <body>.
    await password.fill("wrong-password-1234");
    await page.getByRole("button", { name: "ログイン", exact: true }).click();
    const alert = page.getByRole("alert");
    await expect(alert).toHaveText("ユーザー名またはパスワードが正しくありません");
    await expect(alert).toBeFocused();
    await context.close();
  });

  test("the password change states the 12-character rule and names the field", async ({
    browser,
    baseURL,
  }, testInfo) => {
    if (!baseURL) throw new Error("no baseURL");
    const { context, page } = await signIn(browser, baseURL, "viewer");
    await page.getByRole("link", { name: "パスワード変更", exact: true }).click();
    await focusedHeading(page, "パスワード変更");
    const current = page.getByLabel("現在のパスワード", { exact: true });
    const next = page.getByLabel("新しいパスワード", { exact: true });
    const confirm = page.getByLabel("新しいパスワード（確認）", { exact: true });
    await expect(next).toHaveAccessibleDescription(/12文字以上/);

    await current.fill("wrong current password");
    await next.fill("short");
    await confirm.fill("short");
    await page.getByRole("button", { name: "変更する", exact: true }).click();
    await expect(next).toHaveAttribute("aria-invalid", "true");
    await expect(next).toHaveAccessibleDescription(
      /新しいパスワードは12文字以上にしてください（いま5文字）/,
    );
    await expect(next).toBeFocused();
    await expect(current).not.toHaveAttribute("aria-invalid", "true");

    // The server's refusal of the current password lands on that field.
    await next.fill("a long enough new password");
    await confirm.fill("a long enough new password");
    await page.getByRole("button", { name: "変更する", exact: true }).click();
    await expect(current).toHaveAttribute("aria-invalid", "true");
    await expect(current).toHaveAccessibleDescription("現在のパスワードが正しくありません");
    await expect(current).toBeFocused();
    await screenshot(page, testInfo, "password-refused");
    await context.close();
  });
});

test.describe("2.4.3 focus after each action", () => {
  test("an in-app page change puts the focus on the new page's heading", async ({
    browser,
    baseURL,
  }) => {
    if (!baseURL) throw new Error("no baseURL");
    const { context, page } = await signIn(browser, baseURL, "planner");
    await focusedHeading(page, "全体状況");
    await page.getByRole("link", { name: "ダッシュボード", exact: true }).click();
    await focusedHeading(page, "ダッシュボード");
    await page.getByRole("link", { name: "マニフェスト一覧", exact: true }).click();
    await focusedHeading(page, "マニフェスト一覧");
    await page.getByRole("link", { name: SECOND_DEPARTMENT, exact: true }).click();
    await focusedHeading(page, SECOND_DEPARTMENT);
    await expect(page).toHaveTitle(new RegExp(SECOND_DEPARTMENT));
    await page.goBack();
    await focusedHeading(page, "マニフェスト一覧");
    await context.close();
  });

  test("after 取り込む the focus is on the result", async ({ browser, baseURL }) => {
    if (!baseURL) throw new Error("no baseURL");
    const { context, page } = await signIn(browser, baseURL, "secondEditor");
    await page.getByRole("link", { name: "取り込み", exact: true }).click();
    await focusedHeading(page, "取り込み");
    // A document the server refuses: nothing is stored, and the refusal is the result.
    await page.locator('input[type="file"]').setInputFiles({
      name: "empty.json",
      mimeType: "application/json",
      buffer: Buffer.from("{}"),
    });
    await page.getByRole("button", { name: "取り込む", exact: true }).click();
    const refusal = page.getByRole("alert").filter({ hasText: "取り込めませんでした。" });
    await expect(refusal).toBeFocused();
    await context.close();
  });
});

test("4.1.3: saving while typing is not announced; the save status is not a live region", async ({
  browser,
  baseURL,
}) => {
  if (!baseURL) throw new Error("no baseURL");
  const { context, page } = await signIn(browser, baseURL, "secondEditor");
  await openManifesto(page, SECOND_DEPARTMENT);
  await loaded(page);
  await expect(saveStatus(page)).toHaveAttribute("aria-live", "off");
  // Everything that any live region of the page says while a field is edited and saved.
  await page.evaluate(`(() => {
    window.__announced = [];
    new MutationObserver(() => {
      for (const el of document.querySelectorAll("[aria-live]:not([aria-live=off])")) {
        if (el.textContent.trim()) window.__announced.push(el.textContent.trim());
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  })()`);
  const field = page.getByRole("textbox", {
    name: "目標4 の 組織使命達成に向けての目標",
    exact: true,
  });
  const before = await field.inputValue();
  await field.fill(`${before}（確認）`);
  await expectSaved(page);
  await field.fill(before);
  await expectSaved(page);
  const announced = await page.evaluate<string[]>("window.__announced");
  expect(announced.filter((t) => /保存/.test(t))).toEqual([]);
  await context.close();
});

/** The first `stops` tab stops of the page, each checked for what covers it. */
async function coveredTabStops(page: Page, stops: number): Promise<string[]> {
  const covered: string[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press("Tab");
    const problem = await page.evaluate<string | null>(`(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const r = el.getBoundingClientRect();
      const bar = document.querySelector(".save-bar");
      const name = el.tagName + " " + (el.getAttribute("aria-label") || el.textContent || el.id).slice(0, 40);
      if (bar && !bar.contains(el)) {
        const b = bar.getBoundingClientRect();
        const overlap = Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top);
        if (overlap > 0 && r.right > b.left && r.left < b.right) return name + ": under the save bar";
      }
      const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 10), 0), innerHeight - 1);
      const top = document.elementFromPoint(x, y);
      if (top && top !== el && !el.contains(top) && !(el.labels && [...el.labels].includes(top)))
        return name + ": covered by " + top.tagName + "." + top.className;
      return null;
    })()`);
    if (problem) covered.push(`${i + 1}: ${problem}`);
  }
  return covered;
}

test("at 320×256 CSS px (400 % zoom) no focused element is under the save bar", async ({
  browser,
  baseURL,
}, testInfo) => {
  if (!baseURL) throw new Error("no baseURL");
  const { context, page } = await signIn(browser, baseURL, "secondEditor");
  await openManifesto(page, SECOND_DEPARTMENT);
  await loaded(page);
  await page.setViewportSize({ width: 320, height: 256 });
  await page.locator("body").focus();
  expect(await coveredTabStops(page, 80)).toEqual([]);
  await screenshot(page, testInfo, "editor-320x256");
  // On a large window the bar stays in sight and still covers nothing focused.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.evaluate("window.scrollTo(0, 0)");
  await page.locator("h1").focus();
  expect(await coveredTabStops(page, 80)).toEqual([]);
  await context.close();
});

test.describe("320 CSS px with the text spacing of 1.4.12", () => {
  for (const { who, visit } of PAGES) {
    test(`nothing scrolls sideways or is cut off, as ${who}`, async ({
      browser,
      baseURL,
    }, testInfo) => {
      if (!baseURL) throw new Error("no baseURL");
      const staff = await signIn(browser, baseURL, who);
      const { page } = staff;
      await page.setViewportSize({ width: 320, height: 640 });
      const check = async (name: string) => {
        await loaded(page);
        await applyTextSpacing(page);
        await screenshot(page, testInfo, `${who}-${name}-320`);
        const { overflow, beyond } = await sidewaysOverflow(page);
        expect(overflow, `${name} scrolls sideways: ${beyond.join(", ")}`).toBeLessThanOrEqual(0);
        expect(await clippedText(page), `${name} cuts text off`).toEqual([]);
        expect(await brokenWords(page), `${name} breaks words`).toEqual([]);
      };
      await check("start");
      await visit(page, check);
      await staff.context.close();
    });
  }
});

/** The pages not reached above, by address: each scanned by axe, then at 320 CSS px with the
 * 1.4.12 spacing (1.4.10, 1.4.4). */
const MORE_PAGES: { who: AccountName; pages: [string, string][] }[] = [
  {
    who: "editor",
    pages: [
      ["/staff/import", "取り込み"],
      ["/staff/password", "パスワード変更"],
    ],
  },
  {
    who: "planner",
    pages: [
      ["/staff/overview", "全体状況"],
      ["/staff/manifestos", "マニフェスト一覧"],
    ],
  },
  {
    who: "admin",
    pages: [
      ["/staff/admin", "自治体設定"],
      ["/staff/admin/scale", "評価段階"],
      ["/staff/admin/departments", "部局"],
      ["/staff/admin/plan", "施策・基本事業"],
      ["/staff/admin/indicators", "指標"],
      ["/staff/setup", "初期設定"],
    ],
  },
];

test.describe("every other page: axe, and 320 CSS px with the 1.4.12 spacing", () => {
  for (const { who, pages } of MORE_PAGES) {
    test(`as ${who}`, async ({ browser, baseURL }, testInfo) => {
      if (!baseURL) throw new Error("no baseURL");
      const staff = await signIn(browser, baseURL, who);
      const { page } = staff;
      for (const [path, heading] of pages) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
        await loaded(page);
        await expectNoAxeViolations(page);
        await page.setViewportSize({ width: 320, height: 640 });
        await applyTextSpacing(page);
        const name = path.replace(/\W+/g, "-");
        await screenshot(page, testInfo, `${who}${name}-320`);
        const { overflow, beyond } = await sidewaysOverflow(page);
        expect(overflow, `${path} scrolls sideways: ${beyond.join(", ")}`).toBeLessThanOrEqual(0);
        expect(await clippedText(page), `${path} cuts text off`).toEqual([]);
        expect(await brokenWords(page), `${path} breaks words`).toEqual([]);
      }
      expect(staff.errors).toEqual([]);
      await staff.context.close();
    });
  }
});

test("the dashboard's chart: segments of 3:1 or more and a pattern for each level", async ({
  browser,
  baseURL,
}, testInfo) => {
  if (!baseURL) throw new Error("no baseURL");
  const { context, page } = await signIn(browser, baseURL, "planner");
  await page.getByRole("link", { name: "ダッシュボード", exact: true }).click();
  await loaded(page);
  const legend = page.getByRole("list", { name: "凡例" });
  await expect(legend.getByRole("listitem")).not.toHaveCount(0);
  // What each legend swatch is filled with: its pattern's base colour and marks.
  const swatches = await page.evaluate<{ fill: string; pattern: string }[]>(`[
    ...document.querySelectorAll(".chart-legend svg.swatch rect"),
  ].map((r) => {
    const p = document.getElementById(r.getAttribute("fill").slice(5, -1));
    return { fill: getComputedStyle(p.querySelector(".pattern-base")).fill, pattern: p.dataset.pattern };
  })`);
  expect(swatches.length).toBeGreaterThanOrEqual(3);
  for (const s of swatches) {
    expect(contrastRatio(s.fill, "rgb(255, 255, 255)"), s.fill).toBeGreaterThanOrEqual(3);
  }
  // 1.4.1: no two levels share a pattern, so colour is not the only cue.
  expect(new Set(swatches.map((s) => s.pattern)).size).toBe(swatches.length);
  // Each segment drawn: its colour against the white page and separators (3:1), the white
  // text on it (4.5:1), and its level written in it beside the count (1.4.1).
  const segments = await page.evaluate<{ fill: string; text: string; width: number }[]>(`[
    ...document.querySelectorAll("svg.level-chart rect.segment"),
  ].map((r) => {
    const p = document.getElementById(r.getAttribute("fill").slice(5, -1));
    const text = r.parentElement.querySelector("text.seg-count");
    return {
      fill: getComputedStyle(p.querySelector(".pattern-base")).fill,
      text: text ? text.textContent : "",
      width: r.getBoundingClientRect().width,
    };
  })`);
  expect(segments.length).toBeGreaterThan(0);
  for (const seg of segments) {
    expect(contrastRatio(seg.fill, "rgb(255, 255, 255)"), seg.fill).toBeGreaterThanOrEqual(4.5);
    if (seg.width >= 80) expect(seg.text).toMatch(/^(.+):\d+件$/);
  }
  const separator = await page.evaluate<string>(
    `getComputedStyle(document.querySelector("svg.level-chart rect.segment")).stroke`,
  );
  expect(separator).toBe("rgb(255, 255, 255)");
  await screenshot(page, testInfo, "dashboard-chart", legend);
  await context.close();
});
