// Before the browser tests: a scratch embedded database filled through the real `tassei
// import`, and the real `tassei serve` on a free port. Its address reaches the test workers
// through the environment, which they inherit.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCli } from "../test/support/cli.ts";
import { startServer } from "../test/support/server.ts";
import { startSmtpReceiver } from "../test/support/smtp-receiver.ts";
import {
  ACCOUNTS,
  type AccountName,
  accountArgs,
  NOTICE_DEPARTMENT,
  nabariDraft,
  SECOND_DEPARTMENT,
  STAFF_PASSWORD,
} from "./staff-data.ts";
import { DRAFT_DEPARTMENT, DRAFT_GOAL, IGA, writeTestDocuments } from "./test-data.ts";

export const BASE_URL_VARIABLE = "TASSEI_E2E_BASE_URL";
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
  const env = { TASSEI_DATA_DIR: path.join(root, "data") };
  try {
    const files = writeTestDocuments(root);
    cliOrThrow(["import", "--quiet", "--published", ...files.published], env);
    cliOrThrow(["import", "--quiet", ...files.drafts], env);
    expectDraftStored(env);
    // The staff workspace's own municipality: a draft and one account per role.
    const staffDraft = path.join(root, "nabari-2024-somu.json");
    fs.writeFileSync(staffDraft, JSON.stringify(nabariDraft(), null, 2));
    const secondDraft = path.join(root, "nabari-2024-kikaku.json");
    fs.writeFileSync(secondDraft, JSON.stringify(nabariDraft(SECOND_DEPARTMENT), null, 2));
    const noticeDraft = path.join(root, "nabari-2024-shimin.json");
    fs.writeFileSync(noticeDraft, JSON.stringify(nabariDraft(NOTICE_DEPARTMENT), null, 2));
    cliOrThrow(["import", "--quiet", staffDraft, secondDraft, noticeDraft], env);
    for (const name of Object.keys(ACCOUNTS) as AccountName[]) {
      cliOrThrow(accountArgs(name), env, STAFF_PASSWORD);
    }
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
      await smtp.close();
      fs.rmSync(root, { recursive: true, force: true });
    };
  } catch (e) {
    fs.rmSync(root, { recursive: true, force: true });
    throw e;
  }
}
