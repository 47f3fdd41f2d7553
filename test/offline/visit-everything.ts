// Run inside a network namespace that has only a loopback interface and no route (see
// test/no-outbound.test.ts): sets up an installation with the real CLI, starts the real
// `tassei serve`, and visits, in Chromium, every portal page reachable from `/` and every
// page of the staff app signed in as an administrator, and calls every staff API address
// that needs no identifier. Prints one JSON report as its last line; it judges nothing.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "@playwright/test";
import { accountArgs, nabariDraft, STAFF_PASSWORD } from "../../e2e/staff-data.ts";
import { writeTestDocuments } from "../../e2e/test-data.ts";
import { runCli } from "../support/cli.ts";
import { startServer } from "../support/server.ts";

const STAFF_ROUTES = [
  "",
  "manifestos",
  "overview",
  "dashboard",
  "users",
  "password",
  "import",
  "setup",
  "admin",
  "admin/scale",
  "admin/departments",
  "admin/plan",
  "admin/indicators",
];
const MAX_PORTAL_PAGES = 400;

interface Report {
  links: string[];
  routes: string;
  routes6: string;
  portalPages: string[];
  downloads: string[];
  staffPages: string[];
  apiCalls: string[];
  /** Requests to anything but this server. */
  outside: string[];
  failures: string[];
}

function cli(args: string[], env: Record<string, string>, input?: string): void {
  const r = runCli(args, env, input);
  if (r.status !== 0) throw new Error(`tassei ${args.join(" ")}: ${r.stderr}`);
}

function watch(page: Page, origin: string, report: Report, allow401: () => boolean): void {
  page.on("request", (r) => {
    const url = r.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:")) {
      report.outside.push(url);
    }
  });
  page.on("requestfailed", (r) => {
    const error = r.failure()?.errorText;
    // A request of our own origin that the page itself abandoned when the visit moved on (the
    // header's to-do count still loading) is no failure; a blocked call out would be listed in
    // `outside` and fail with another error.
    if (error === "net::ERR_ABORTED" && r.url().startsWith(`${origin}/`)) return;
    report.failures.push(`failed ${r.url()}: ${error}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400 && !(r.status() === 401 && allow401())) {
      report.failures.push(`${r.status()} ${r.url()}`);
    }
  });
  page.on("pageerror", (e) => report.failures.push(`page error on ${page.url()}: ${e}`));
}

async function visitPortal(context: BrowserContext, origin: string, report: Report) {
  const page = await context.newPage();
  watch(page, origin, report, () => false);
  const queue = ["/", `/search?q=${encodeURIComponent("防災")}`];
  const seen = new Set(queue);
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (/\.(pdf|xlsx|json|csv)$/.test(next)) {
      // A download: fetched, not opened as a page.
      const r = await context.request.get(`${origin}${next}`);
      if (r.status() !== 200) report.failures.push(`${r.status()} ${next}`);
      report.downloads.push(next);
      continue;
    }
    await page.goto(`${origin}${next}`, { waitUntil: "networkidle" });
    report.portalPages.push(next);
    const hrefs = await page.$$eval("a[href], link[href]", (as) =>
      as.map((a) => (a as unknown as { href: string }).href),
    );
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin || url.pathname.startsWith("/staff")) continue;
      const address = `${url.pathname}${url.search}`;
      if (seen.has(address) || seen.size >= MAX_PORTAL_PAGES) continue;
      seen.add(address);
      queue.push(address);
    }
  }
  await page.close();
}

async function visitStaff(context: BrowserContext, origin: string, report: Report) {
  const page = await context.newPage();
  let signedIn = false;
  // Before signing in, the app asks who is signed in and is told: nobody (401).
  watch(page, origin, report, () => !signedIn);
  await page.goto(`${origin}/staff/`, { waitUntil: "networkidle" });
  await page.getByLabel("ユーザー名", { exact: true }).fill("nabari-admin");
  await page.getByLabel("パスワード", { exact: true }).fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "ログイン", exact: true }).click();
  await page.getByRole("button", { name: "ログアウト" }).waitFor();
  signedIn = true;
  for (const route of STAFF_ROUTES) {
    await page.goto(`${origin}/staff/${route}`, { waitUntil: "networkidle" });
    await page.locator("main h1").first().waitFor();
    report.staffPages.push(`/staff/${route}`);
  }
  // A manifesto's editor and history, as its list links to them.
  await page.goto(`${origin}/staff/manifestos`, { waitUntil: "networkidle" });
  const link = page.locator('main a[href*="/staff/manifestos/"]').first();
  const href = await link.getAttribute("href");
  if (href) {
    for (const address of [href, `${href}/history`]) {
      await page.goto(new URL(address, origin).href, { waitUntil: "networkidle" });
      await page.locator("main h1").first().waitFor();
      report.staffPages.push(address);
    }
  } else {
    report.failures.push("no manifesto linked from /staff/manifestos");
  }

  // Every GET of the staff API that needs no identifier, with the session's cookie.
  const openapi = (await (await context.request.get(`${origin}/api/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { parameters?: { required?: boolean; in: string }[] }>>;
  };
  for (const [address, methods] of Object.entries(openapi.paths)) {
    const get = methods.get;
    if (!get || address.includes("{")) continue;
    if ((get.parameters ?? []).some((p) => p.required && p.in === "query")) continue;
    const r = await context.request.get(`${origin}${address}`);
    if (r.status() >= 400) report.failures.push(`${r.status()} GET ${address}`);
    report.apiCalls.push(address);
  }
  await page.close();
}

async function main(): Promise<void> {
  const report: Report = {
    links: execFileSync("ip", ["-o", "link", "show"], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean)
      .map((l) => l.split(":")[1]?.trim() ?? l),
    routes: execFileSync("ip", ["route", "show"], { encoding: "utf8" }).trim(),
    routes6: execFileSync("ip", ["-6", "route", "show"], { encoding: "utf8" })
      .split("\n")
      .filter((l) => l.trim() !== "" && !l.startsWith("::1 ") && !l.startsWith("fe80"))
      .join("\n"),
    portalPages: [],
    downloads: [],
    staffPages: [],
    apiCalls: [],
    outside: [],
    failures: [],
  };
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-offline-"));
  const env = { TASSEI_DATA_DIR: path.join(root, "data"), TASSEI_DEMO: "off" };
  try {
    const files = writeTestDocuments(root);
    cli(["import", "--quiet", "--published", ...files.published], env);
    const staffDraft = path.join(root, "nabari.json");
    fs.writeFileSync(staffDraft, JSON.stringify(nabariDraft()));
    cli(["import", "--quiet", staffDraft], env);
    cli(accountArgs("admin"), env, STAFF_PASSWORD);
    const server = await startServer(env);
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
    try {
      const context = await browser.newContext({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
      await visitPortal(context, server.url, report);
      await visitStaff(context, server.url, report);
    } finally {
      await browser.close();
      await server.stop();
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

await main();
