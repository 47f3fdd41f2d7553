// `tassei backup` while `tassei serve` runs and a staff member keeps saving through the API.
// The backup is the server's state at one moment: restored into a fresh database, every
// manifesto exports as it was after the same prefix of the acknowledged saves, and the
// accounts sign in. On the embedded database the backup comes through the server that holds
// the data directory (its socket); on PostgreSQL straight from the database, in one
// repeatable-read transaction.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "../../../bench/generate.ts";
import { runCli, runCliAsync } from "../../../test/support/cli.ts";
import {
  createTestDatabase,
  TEST_BACKEND,
  type TestDatabase,
} from "../../../test/support/database.ts";
import {
  describeManifestos,
  type EditedManifesto,
  expectedExport,
  problemsOf,
  type Save,
  signInTo,
  startSaveStream,
} from "../../../test/support/save-stream.ts";
import { type RunningServer, startServer } from "../../../test/support/server.ts";
import { buildApp } from "../../server/app.ts";
import { BACKUP_SOCKET_NAME } from "../../server/backup-socket.ts";
import { exportManifesto } from "../../services/export-manifesto.ts";
import { importManifesto } from "../../services/import-manifesto.ts";
import { createUser } from "../../services/users/create-user.ts";

const PASSWORD = "correct horse battery staple";
// Three CLI processes and a server on a busy two-core machine: minutes, not seconds.
const SLOW = 300_000;
const ACCOUNTS = [
  { username: "planner", role: "planning" },
  { username: "reader", role: "viewer" },
] as const;

let source: TestDatabase;
let target: TestDatabase;
let server: RunningServer | undefined;
let dir: string;
let edited: EditedManifesto[];
let manifestoCount = 0;

beforeAll(async () => {
  [source, target] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  // Enough documents that the backup takes a while next to one save.
  const dataset = [...generateDataset({ municipalities: 1, departments: 10, years: 4, seed: 61 })];
  const ids: number[] = [];
  for (const entry of dataset) {
    ids.push((await importManifesto(source.ctx, entry.document)).manifestoId);
  }
  manifestoCount = ids.length;
  const municipalityCode = dataset[0]?.document.municipality.code ?? "";
  for (const a of ACCOUNTS) {
    await createUser(source.ctx, { ...a, password: PASSWORD, municipalityCode });
  }
  edited = await describeManifestos(source.ctx, ids.slice(0, 3));
  await source.close(); // the server takes the data directory
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "tassei-online-backup-"));
}, SLOW);
afterAll(async () => {
  await server?.stop();
  await Promise.all([source?.destroy(), target?.destroy()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Each edited manifesto's revision and title after the first `count` acknowledged saves. */
function stateAfter(
  saves: Save[],
  count: number,
): Map<number, { revision: number; title?: string }> {
  const state = new Map<number, { revision: number; title?: string }>(
    edited.map((m) => [m.id, { revision: m.initialRevision }]),
  );
  for (const s of saves.slice(0, count)) state.set(s.manifestoId, s);
  return state;
}

describe("tassei backup while the server runs and saves keep coming", () => {
  it(
    "backs up one consistent moment that restores whole, accounts included",
    async () => {
      const file = path.join(dir, "online.backup.gz");
      server = await startServer(source.env);
      const session = await signInTo(server.url, "planner", PASSWORD);
      const stream = startSaveStream(
        server.url,
        session,
        edited.map((m) => m.id),
      );
      await stream.acknowledgedAtLeast(3);
      const before = stream.acknowledged.length;
      const backup = await runCliAsync(["backup", "--out", file], source.env);
      const after = stream.acknowledged.length;
      await stream.acknowledgedAtLeast(after + 3); // saves go on after the backup, too
      await stream.stop();
      expect(await stream.ended).toBeUndefined();
      expect(backup.stderr).toMatch(/\d+ rows in \d+ tables → .*online\.backup\.gz/);
      expect(backup.status).toBe(0);
      if (TEST_BACKEND === "pglite") {
        expect(backup.stderr).toContain(`through the running server (PID ${server.child.pid}`);
      }
      expect(fs.statSync(file).mode & 0o077).toBe(0);
      expect(fs.readdirSync(dir)).toEqual(["online.backup.gz"]);

      expect(await server.stop()).toBe(0);
      server = undefined;
      if (source.target.kind === "pglite") {
        // Removed on shutdown, with the lock.
        expect(fs.readdirSync(source.target.dataDir)).not.toContain(BACKUP_SOCKET_NAME);
      }

      await target.close();
      const restore = runCli(["restore", file], target.env);
      expect(restore.stderr).toContain("restored");
      expect(restore.status).toBe(0);
      await target.reopen();

      // The moment: the prefix of acknowledged saves whose revisions the restored database holds.
      const saves = stream.acknowledged;
      const restored = new Map<number, number>();
      for (const m of edited) {
        const row = await target.ctx.db
          .selectFrom("manifestos")
          .select("current_revision")
          .where("id", "=", m.id)
          .executeTakeFirstOrThrow();
        restored.set(m.id, row.current_revision);
      }
      const moments = Array.from({ length: saves.length + 1 }, (_, k) => k).filter((k) =>
        [...stateAfter(saves, k)].every(([id, s]) => restored.get(id) === s.revision),
      );
      expect(moments, `restored revisions ${JSON.stringify([...restored])}`).toHaveLength(1);
      const moment = moments[0] ?? -1;
      // Taken while the backup command ran: not before it started, not after it ended (at most
      // the one save then unanswered).
      expect(moment).toBeGreaterThanOrEqual(before);
      expect(moment).toBeLessThanOrEqual(after + 1);
      const state = stateAfter(saves, moment);
      for (const m of edited) {
        expect(await exportManifesto(target.ctx, m.selector)).toStrictEqual(
          expectedExport(m, state.get(m.id)?.title),
        );
        expect(await problemsOf(target.ctx, m)).toEqual([]);
      }
      const count = await target.ctx.db
        .selectFrom("manifestos")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(manifestoCount);

      const app = await buildApp({ database: target.handle, logLevel: "silent" });
      try {
        for (const a of ACCOUNTS) {
          const r = await app.inject({
            method: "POST",
            url: "/api/session",
            payload: { username: a.username, password: PASSWORD },
          });
          expect(r.statusCode, a.username).toBe(200);
        }
        const wrong = await app.inject({
          method: "POST",
          url: "/api/session",
          payload: { username: "planner", password: `${PASSWORD}!` },
        });
        expect(wrong.statusCode).toBe(401);
      } finally {
        await app.close();
      }
    },
    SLOW,
  );
});
