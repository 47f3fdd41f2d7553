// Reliability under the autosave pattern: the real server (`tassei serve`, a child process)
// on a scratch embedded database and on a scratch PostgreSQL database; 50 connections, each
// editing its own manifesto and saving it again as soon as the last save was answered (an
// editor's autosave, at its most eager), for --duration seconds. Reported:
//   - answers by status: any 5xx is a bug; a 409 would mean a lost race (each connection owns
//     its manifesto, so none are expected);
//   - lost acknowledged saves: after the run, with the server stopped, each manifesto's
//     current revision must hold the last acknowledged title, and every acknowledged revision
//     must be there or have been replaced by the next save (autosaves coalesce);
//   - the server's resident memory every 5 s (flat, or it leaks);
//   - revisions stored per manifesto (bounded by coalescing).
//
//   node_modules/.bin/tsx bench/autosave-load.ts [--backend pglite|postgres|both]
//     [--duration 60] [--connections 50] [--postgres-url URL]
import fs from "node:fs";
import { parseArgs } from "node:util";
import { type DatabaseTarget, openDatabase } from "../src/db/connection.ts";
import { importManifesto } from "../src/services/import-manifesto.ts";
import { createUser } from "../src/services/users/create-user.ts";
import { demoDocument } from "../test/support/fixtures.ts";
import { startServer } from "../test/support/server.ts";
import {
  Cleanup,
  createScratchDir,
  createScratchPostgres,
  DEFAULT_POSTGRES_URL,
  formatTable,
  machineLine,
  parseCount,
  percentile,
} from "./support.ts";

const USERNAME = "bench-editor";
const PASSWORD = "bench password that is long enough";
type Backend = "pglite" | "postgres";
type Doc = { goals: { title: string }[] } & Record<string, unknown>;

interface Acknowledged {
  revision: number;
  title: string;
}

interface Result {
  backend: Backend;
  seconds: number;
  byStatus: Map<number, number>;
  requestErrors: number;
  latencies: number[];
  lost: string[];
  rssMb: number[];
  revisionsPerManifesto: { min: number; max: number };
  acksPerConnection: number[];
  /** Per connection: when its first save went out (after reading its manifesto). */
  firstSaveAfterMs: number[];
}

async function prepare(target: DatabaseTarget, manifestos: number): Promise<void> {
  const handle = await openDatabase(target, { purpose: "bench autosave-load" });
  const ctx = { db: handle.db, actor: "bench" };
  try {
    for (let i = 1; i <= manifestos; i++) {
      const doc = demoDocument();
      doc.department = { ...(doc.department as object), name: `第${i}部（自動保存）` };
      await importManifesto(ctx, doc);
    }
    await createUser(ctx, {
      username: USERNAME,
      password: PASSWORD,
      role: "planning",
      municipalityCode: "242161",
    });
  } finally {
    await handle.close();
  }
}

function rssMbOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    return Math.round(kb / 1024);
  } catch {
    return Number.NaN;
  }
}

async function run(
  backend: Backend,
  target: DatabaseTarget,
  env: Record<string, string>,
  o: { seconds: number; connections: number },
): Promise<Result> {
  await prepare(target, o.connections);
  const server = await startServer({ ...env, TASSEI_DEMO: "off", TASSEI_LOG_LEVEL: "warn" });
  const byStatus = new Map<number, number>();
  const latencies: number[] = [];
  let requestErrors = 0;
  const acknowledged = new Map<number, Acknowledged[]>();
  const firstSaveAfterMs: number[] = [];
  const rssMb: number[] = [rssMbOf(server.child.pid)];
  try {
    const r = await fetch(`${server.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
    });
    if (r.status !== 200) throw new Error(`sign-in failed: ${r.status}`);
    const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const { csrfToken } = (await r.json()) as { csrfToken: string };
    const headers = { cookie, "x-csrf-token": csrfToken, "content-type": "application/json" };
    const list = (await (
      await fetch(`${server.url}/api/manifestos?year=2023`, { headers })
    ).json()) as {
      manifestos: { id: number; revision: number }[];
    };
    const sampler = setInterval(() => rssMb.push(rssMbOf(server.child.pid)), 5000);
    const startedAt = Date.now();
    const until = startedAt + o.seconds * 1000;
    await Promise.all(
      list.manifestos.slice(0, o.connections).map(async (m, c) => {
        const one = (await (
          await fetch(`${server.url}/api/manifestos/${m.id}`, { headers })
        ).json()) as {
          document: Doc;
        };
        const doc = one.document;
        firstSaveAfterMs.push(Date.now() - startedAt);
        let revision = m.revision;
        const acks: Acknowledged[] = [];
        acknowledged.set(m.id, acks);
        for (let n = 1; Date.now() < until; n++) {
          const title = `接続${c} の ${n} 回目の自動保存`;
          (doc.goals[0] as { title: string }).title = title;
          const started = performance.now();
          try {
            const res = await fetch(`${server.url}/api/manifestos/${m.id}`, {
              method: "PUT",
              headers,
              body: JSON.stringify({ revision, document: doc }),
            });
            const body = (await res.json()) as {
              revision?: number;
              error?: { current?: { revision: number } };
            };
            latencies.push(performance.now() - started);
            byStatus.set(res.status, (byStatus.get(res.status) ?? 0) + 1);
            if (res.status === 200 && body.revision !== undefined) {
              revision = body.revision;
              acks.push({ revision, title });
            } else if (res.status === 409 && body.error?.current) {
              revision = body.error.current.revision;
            }
          } catch {
            requestErrors += 1;
          }
        }
      }),
    );
    clearInterval(sampler);
    rssMb.push(rssMbOf(server.child.pid));
  } finally {
    await server.stop();
  }

  // With the server stopped: is every acknowledged save there?
  const handle = await openDatabase(target, { purpose: "bench autosave-load check" });
  const lost: string[] = [];
  const counts: number[] = [];
  try {
    for (const [id, acks] of acknowledged) {
      const rows = await handle.db
        .selectFrom("manifesto_revisions")
        .select(["revision", "document", "saves"])
        .where("manifesto_id", "=", id)
        .orderBy("revision")
        .execute();
      counts.push(rows.length);
      const current = await handle.db
        .selectFrom("manifestos")
        .select("current_revision")
        .where("id", "=", id)
        .executeTakeFirstOrThrow();
      const last = acks.at(-1);
      if (last && current.current_revision !== last.revision)
        lost.push(`${id}: current ${current.current_revision}, last ack ${last.revision}`);
      for (const a of acks) {
        const row = rows.find((r) => r.revision === a.revision);
        if (row) {
          if ((row.document as Doc).goals[0]?.title !== a.title)
            lost.push(`${id}@${a.revision}: title differs`);
          continue;
        }
        const next = rows.find((r) => r.revision > a.revision);
        if (!next || next.saves < 2) lost.push(`${id}@${a.revision}: missing, not coalesced`);
      }
    }
  } finally {
    await handle.close();
  }
  return {
    backend,
    seconds: o.seconds,
    byStatus,
    requestErrors,
    latencies,
    lost,
    rssMb,
    revisionsPerManifesto: { min: Math.min(...counts), max: Math.max(...counts) },
    // Fairness: a queue that lets some connections through again and again while others
    // wait shows as a wide spread here (and a max far above the p99).
    acksPerConnection: [...acknowledged.values()].map((a) => a.length),
    firstSaveAfterMs,
  };
}

async function main() {
  const { values } = parseArgs({
    options: {
      backend: { type: "string", default: "both" },
      duration: { type: "string" },
      connections: { type: "string" },
      "postgres-url": { type: "string" },
    },
  });
  const seconds = parseCount("--duration", values.duration, 60);
  const connections = parseCount("--connections", values.connections, 50);
  const backends: Backend[] =
    values.backend === "both" ? ["postgres", "pglite"] : [values.backend as Backend];
  const cleanup = new Cleanup();
  const results: Result[] = [];
  try {
    for (const backend of backends) {
      let target: DatabaseTarget;
      let env: Record<string, string>;
      if (backend === "postgres") {
        const pg = await createScratchPostgres(
          values["postgres-url"] ?? process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL,
        );
        cleanup.add(() => pg.drop());
        target = { kind: "postgres", url: pg.url };
        env = { DATABASE_URL: pg.url };
      } else {
        const dir = createScratchDir();
        cleanup.add(() => dir.remove());
        target = { kind: "pglite", dataDir: `${dir.dir}/data` };
        env = { TASSEI_DATA_DIR: `${dir.dir}/data` };
      }
      process.stderr.write(`${backend}: ${connections} connections saving for ${seconds} s …\n`);
      results.push(await run(backend, target, env, { seconds, connections }));
    }
  } finally {
    await cleanup.run();
  }
  console.log(machineLine());
  console.log(
    formatTable(
      [
        "backend",
        "saves ok",
        "saves/s",
        "5xx",
        "409",
        "other",
        "no answer",
        "p50 ms",
        "p99 ms",
        "max ms",
        "acks/connection",
        "last first save s",
        "lost acked",
        "revisions/manifesto",
        "server RSS MB (every 5 s)",
      ],
      results.map((r) => {
        const ok = r.byStatus.get(200) ?? 0;
        const fivexx = [...r.byStatus].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
        const other = [...r.byStatus]
          .filter(([s]) => s !== 200 && s !== 409 && s < 500)
          .reduce((n, [, c]) => n + c, 0);
        return [
          r.backend,
          String(ok),
          (ok / r.seconds).toFixed(1),
          String(fivexx),
          String(r.byStatus.get(409) ?? 0),
          String(other),
          String(r.requestErrors),
          percentile(r.latencies, 50).toFixed(0),
          percentile(r.latencies, 99).toFixed(0),
          Math.max(...r.latencies).toFixed(0),
          `${Math.min(...r.acksPerConnection)}–${Math.max(...r.acksPerConnection)}`,
          (Math.max(...r.firstSaveAfterMs) / 1000).toFixed(1),
          String(r.lost.length),
          `${r.revisionsPerManifesto.min}–${r.revisionsPerManifesto.max}`,
          r.rssMb.join(" "),
        ];
      }),
    ),
  );
  for (const r of results)
    for (const l of r.lost.slice(0, 5)) console.log(`lost (${r.backend}): ${l}`);
}

await main();
