// Before the browser tests: a scratch embedded database filled through the real `tassei
// import`, and the real `tassei serve` on a free port, both run from the production build.
// Its address reaches the test workers through the environment, which they inherit.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureServerBuild } from "../scripts/build-server.mjs";
import { PROGRAM_VARIABLE, runCli } from "../test/support/cli.ts";
import { startServer } from "../test/support/server.ts";
import { startSmtpReceiver } from "../test/support/smtp-receiver.ts";
import {
  ACCOUNTS,
  type AccountName,
  accountArgs,
  NOTICE_DEPARTMENT,
  nabariDraft,
  nabariHistoryDraft,
  nabariLastYear,
  PROGRESS_DEPARTMENT,
  SECOND_DEPARTMENT,
  STAFF_PASSWORD,
} from "./staff-data.ts";
import { type StaticServer, startStaticServer } from "./static-server.ts";
import { DRAFT_DEPARTMENT, DRAFT_GOAL, IGA, writeTestDocuments } from "./test-data.ts";

export const BASE_URL_VARIABLE = "TASSEI_E2E_BASE_URL";
/** The static export of Iga's site, served by a plain static file server under a prefix. */
export const STATIC_URL_VARIABLE = "TASSEI_E2E_STATIC_URL";
export const STATIC_PREFIX = "/sub/dir/";
/** A JSON-lines file of every mail the server sent to the test's SMTP receiver. */
export const MAILBOX_VARIABLE = "TASSEI_E2E_MAILBOX";

function cliOrThrow(args: string[], env: Record<string, string>, input?: string): string {
  const r = runCli(args, env, input);
  if (r.status !== 0) {
    throw new Error(`tassei ${args.join(" ")} failed (${r.status}):\n${r.stderr}`);
  }
  return r.stdout;
}

/** Fails unless the draft is really in the database, so that its absence from the portal
 * means it is kept out, not that it was never imported. */
function expectDraftStored(env: Record<string, string>): void {
  const exported = cliOrThrow(
    ["export", "--municipality", IGA.code, "--year", "2023", "--department", DRAFT_DEPARTMENT],
    env,
  );
  if (!exported.includes(DRAFT_GOAL)) throw new Error(`the draft was not stored:\n${exported}`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-e2e-"));
  let staticServer: StaticServer | undefined;
  const env = { TASSEI_DATA_DIR: path.join(root, "data") };
  try {
    // The browser tests run what users run: the production build, with the packages it
    // bundles (the workers inherit the choice).
    if (!(await ensureServerBuild())) throw new Error("the production build could not be made");
    process.env[PROGRAM_VARIABLE] = "build";
    const files = writeTestDocuments(root);
    cliOrThrow(["import", "--quiet", "--published", ...files.published], env);
    cliOrThrow(["import", "--quiet", ...files.drafts], env);
    expectDraftStored(env);
    // The staff workspace's own municipality: a draft and one account per role.
    const staffDraft = path.join(root, "nabari-2024-somu.json");
    fs.writeFileSync(staffDraft, JSON.stringify(nabariDraft(), null, 2));
    const secondDraft = path.join(root, "nabari-2024-kikaku.json");
    fs.writeFileSync(secondDraft, JSON.stringify(nabariDraft(SECOND_DEPARTMENT), null, 2));
    const noticeDraft = path.join(root, "nabari-2024-kensetsu.json");
    fs.writeFileSync(noticeDraft, JSON.stringify(nabariDraft(NOTICE_DEPARTMENT), null, 2));
    cliOrThrow(["import", "--quiet", staffDraft, secondDraft, noticeDraft], env);
    const progressPlan = path.join(root, "nabari-2024-kenko.json");
    fs.writeFileSync(progressPlan, JSON.stringify(nabariDraft(PROGRESS_DEPARTMENT), null, 2));
    cliOrThrow(["import", "--quiet", "--published", progressPlan], env);
    const historyFiles = [
      ["nabari-2023-shimin.json", nabariLastYear()],
      ["nabari-2024-shimin.json", nabariHistoryDraft()],
    ].map(([name, doc]) => {
      const file = path.join(root, String(name));
      fs.writeFileSync(file, JSON.stringify(doc, null, 2));
      return file;
    });
    cliOrThrow(["import", "--quiet", ...historyFiles], env);
    for (const name of Object.keys(ACCOUNTS) as AccountName[]) {
      cliOrThrow(accountArgs(name), env, STAFF_PASSWORD);
    }
    // The static export, written before the server holds the embedded database.
    const staticRoot = path.join(root, "static");
    cliOrThrow(
      [
        "portal",
        "export",
        "--municipality",
        IGA.code,
        "--out",
        path.join(staticRoot, STATIC_PREFIX),
      ],
      env,
    );
    staticServer = await startStaticServer(staticRoot);
    process.env[STATIC_URL_VARIABLE] = `${staticServer.origin}${STATIC_PREFIX}`;
    // The municipality's relay, played by a real SMTP server; what it receives is written
    // where the tests read it.
    const mailbox = path.join(root, "mailbox.jsonl");
    fs.writeFileSync(mailbox, "");
    const smtp = await startSmtpReceiver((mail) =>
      fs.appendFileSync(mailbox, `${JSON.stringify({ ...mail, parsed: undefined })}\n`),
    );
    const server = await startServer({
      ...env,
      TASSEI_DEMO: "off",
      TASSEI_SMTP_URL: smtp.url,
      TASSEI_MAIL_FROM: "tassei@city.nabari.lg.jp",
      TASSEI_MAIL_POLL_SECONDS: "0.5",
    });
    process.env[BASE_URL_VARIABLE] = server.url;
    process.env[MAILBOX_VARIABLE] = mailbox;
    return async () => {
      await server.stop();
      await staticServer?.stop();
      await smtp.close();
      fs.rmSync(root, { recursive: true, force: true });
    };
  } catch (e) {
    await staticServer?.stop();
    fs.rmSync(root, { recursive: true, force: true });
    throw e;
  }
}
