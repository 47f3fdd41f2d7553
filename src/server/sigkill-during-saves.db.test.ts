// The server is killed (SIGKILL: no shutdown code runs) at a random moment while a staff
// member saves through the API, one save after another. Restarted on the same data (on the
// embedded database it takes over the dead server's lock and socket), it has every save it
// acknowledged: each acknowledged revision is there and whole (or replaced by the same
// person's next autosave, which coalesces into the working revision), the current revision is the
// last acknowledged one or the one save that was unanswered, and nothing is half-written.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCliAsync } from "../../test/support/cli.ts";
import { createTestDatabase, type TestDatabase } from "../../test/support/database.ts";
import { demoDocument } from "../../test/support/fixtures.ts";
import {
  describeManifestos,
  type EditedManifesto,
  problemsOf,
  signInTo,
  startSaveStream,
} from "../../test/support/save-stream.ts";
import { type RunningServer, startServer } from "../../test/support/server.ts";
import { importManifesto } from "../services/import-manifesto.ts";
import { createUser } from "../services/users/create-user.ts";
import { BACKUP_SOCKET_NAME } from "./backup-socket.ts";

const PASSWORD = "correct horse battery staple";
const SLOW = 300_000; // two server starts and a CLI run on a busy two-core machine

let t: TestDatabase;
let edited: EditedManifesto[];
const servers: RunningServer[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  const other = demoDocument();
  other.department = { ...(other.department as object), name: "企画部" };
  const ids = [
    (await importManifesto(t.ctx, demoDocument())).manifestoId,
    (await importManifesto(t.ctx, other)).manifestoId,
  ];
  await createUser(t.ctx, {
    username: "planner",
    password: PASSWORD,
    role: "planning",
    municipalityCode: "242161",
  });
  edited = await describeManifestos(t.ctx, ids);
  await t.close(); // the server takes the data directory
}, SLOW);
afterAll(async () => {
  for (const s of servers) await s.stop("SIGKILL");
  await t?.destroy();
});

describe("SIGKILL of the server during a stream of saves", () => {
  it(
    "keeps every acknowledged save, whole, after a restart on the same data",
    async () => {
      const first = await startServer(t.env);
      servers.push(first);
      const stream = startSaveStream(
        first.url,
        await signInTo(first.url, "planner", PASSWORD),
        edited.map((m) => m.id),
      );
      // A random moment: after some saves, then some milliseconds into the next ones.
      const afterSaves = 5 + Math.floor(Math.random() * 20);
      const delayMs = Math.floor(Math.random() * 40);
      const moment = `killed after ${afterSaves} acknowledged saves + ${delayMs} ms`;
      await stream.acknowledgedAtLeast(afterSaves);
      await new Promise((r) => setTimeout(r, delayMs));
      expect(await first.stop("SIGKILL")).toBeNull(); // ended by the signal, no exit code
      const broken = await stream.ended;
      expect(broken, moment).toBeInstanceOf(Error);
      const acknowledged = [...stream.acknowledged];
      const unanswered = stream.unanswered();
      expect(acknowledged.length, moment).toBeGreaterThanOrEqual(afterSaves);

      if (t.target.kind === "pglite") {
        // The dead server's lock and socket are still there; the restart takes both over.
        const left = fs.readdirSync(t.target.dataDir);
        expect(left).toEqual(expect.arrayContaining(["tassei.lock", BACKUP_SOCKET_NAME]));
      }
      const second = await startServer(t.env);
      servers.push(second);
      const session = await signInTo(second.url, "planner", PASSWORD);
      for (const m of edited) {
        const mine = acknowledged.filter((s) => s.manifestoId === m.id);
        const last = mine.at(-1);
        const r = await fetch(`${second.url}/api/manifestos/${m.id}`, { headers: session.headers });
        expect(r.status).toBe(200);
        const body = (await r.json()) as {
          manifesto: { revision: number };
          document: { goals: { title: string }[] };
        };
        const lastRevision = last?.revision ?? m.initialRevision;
        // The one unanswered save may or may not have been written; nothing else is new.
        const possible = [lastRevision];
        if (unanswered?.manifestoId === m.id) possible.push(unanswered.revision);
        expect(possible, `${moment}, manifesto ${m.id}`).toContain(body.manifesto.revision);
        const title =
          body.manifesto.revision === lastRevision
            ? (last?.title ?? m.initialExport.goals[0]?.title)
            : unanswered?.title;
        expect(body.document.goals[0]?.title, moment).toBe(title);
      }

      if (t.target.kind === "pglite") {
        // The restarted server made its socket anew: online backup works again.
        const backupFile = path.join(os.tmpdir(), `tassei-after-kill-${process.pid}.gz`);
        const backup = await runCliAsync(["backup", "--out", backupFile], t.env);
        expect(backup.stderr).toContain(`through the running server (PID ${second.child.pid}`);
        expect(backup.status).toBe(0);
        fs.rmSync(backupFile, { force: true });
      }
      expect(await second.stop()).toBe(0);

      await t.reopen();
      for (const save of acknowledged) {
        const revision = await t.ctx.db
          .selectFrom("manifesto_revisions")
          .select("document")
          .where("manifesto_id", "=", save.manifestoId)
          .where("revision", "=", save.revision)
          .executeTakeFirst();
        if (revision === undefined) {
          // Coalesced: the same person's next save replaced this working revision (and
          // holds what this save sent, since every save sends the whole document).
          const next = await t.ctx.db
            .selectFrom("manifesto_revisions")
            .select(["revision", "saves"])
            .where("manifesto_id", "=", save.manifestoId)
            .where("revision", ">", save.revision)
            .orderBy("revision")
            .executeTakeFirst();
          expect(next?.saves, `${moment}, save ${save.seq} replaced`).toBeGreaterThan(1);
          continue;
        }
        const doc = revision.document as { goals: { title: string }[] };
        expect(doc.goals[0]?.title, `${moment}, save ${save.seq}`).toBe(save.title);
      }
      for (const m of edited) {
        expect(await problemsOf(t.ctx, m), moment).toEqual([]);
      }
    },
    SLOW,
  );
});
