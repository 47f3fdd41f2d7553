// A staff member editing through the real server's API: signs in (cookie + CSRF token) and
// sends saves one after another, each from the revision the previous one produced, keeping
// the list of saves the server acknowledged. For the tests that back up or kill a running
// server in the middle of such a stream.
import { isDeepStrictEqual } from "node:util";
import type { ServiceContext } from "../../src/services/context.ts";
import { exportManifesto } from "../../src/services/export-manifesto.ts";

export interface StaffSession {
  headers: Record<string, string>;
}

export async function signInTo(
  url: string,
  username: string,
  password: string,
): Promise<StaffSession> {
  const r = await fetch(`${url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`sign-in of ${username} failed: ${r.status}`);
  const cookie = (r.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const { csrfToken } = (await r.json()) as { csrfToken: string };
  return { headers: { cookie, "x-csrf-token": csrfToken } };
}

export interface EditedManifesto {
  id: number;
  selector: { municipalityCode: string; fiscalYear: number; department: string };
  initialRevision: number;
  /** The export before the stream; every save changes only the first goal's title. */
  initialExport: Record<string, unknown> & { goals: { title: string }[] };
}

/** The manifestos' ids, selectors and exports, read from the database before the server runs. */
export async function describeManifestos(
  ctx: ServiceContext,
  ids: number[],
): Promise<EditedManifesto[]> {
  const out: EditedManifesto[] = [];
  for (const id of ids) {
    const m = await ctx.db
      .selectFrom("manifestos")
      .select(["municipality_code", "fiscal_year", "department_name", "current_revision"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    const selector = {
      municipalityCode: m.municipality_code,
      fiscalYear: m.fiscal_year,
      department: m.department_name,
    };
    const initialExport = (await exportManifesto(
      ctx,
      selector,
    )) as EditedManifesto["initialExport"];
    out.push({ id, selector, initialRevision: m.current_revision, initialExport });
  }
  return out;
}

/** The export a manifesto must have once its first goal is titled `title`. */
export function expectedExport(m: EditedManifesto, title: string | undefined): unknown {
  const doc = structuredClone(m.initialExport);
  if (title !== undefined && doc.goals[0]) doc.goals[0].title = title;
  return doc;
}

export interface Save {
  /** Position in the stream, from 1. */
  seq: number;
  manifestoId: number;
  /** The revision the save creates. */
  revision: number;
  title: string;
}

export interface SaveStream {
  /** Saves the server answered with 200, in order. */
  acknowledged: Save[];
  /** The save sent and not answered when the stream ended, if any: written or not. */
  unanswered(): Save | undefined;
  /** Resolves once `count` saves have been acknowledged (rejects if the stream ends first). */
  acknowledgedAtLeast(count: number): Promise<void>;
  /** Asks the stream to stop after the save in progress; resolves when it has. */
  stop(): Promise<void>;
  /** Resolves when the stream ends: undefined when stopped, else why it broke off. */
  ended: Promise<Error | undefined>;
}

export const titleOf = (seq: number) => `保存 ${seq} の題`;

/**
 * Saves round-robin over `ids`, each from the revision the server last acknowledged for that
 * manifesto, until stopped or until a request fails (the server died).
 */
export function startSaveStream(url: string, session: StaffSession, ids: number[]): SaveStream {
  const acknowledged: Save[] = [];
  let inFlight: Save | undefined;
  let stopping = false;
  const waiters: { count: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  let finished: { why: Error | undefined } | undefined;
  const notify = () => {
    for (const w of waiters.splice(0)) {
      if (acknowledged.length >= w.count) w.resolve();
      else if (finished) {
        w.reject(
          finished.why ?? new Error(`the stream stopped after ${acknowledged.length} saves`),
        );
      } else waiters.push(w);
    }
  };
  const run = async (): Promise<Error | undefined> => {
    const current = new Map<
      number,
      { revision: number; document: { goals: { title: string }[] } }
    >();
    for (const id of ids) {
      const r = await fetch(`${url}/api/manifestos/${id}`, { headers: session.headers });
      if (r.status !== 200) return new Error(`GET manifesto ${id}: ${r.status}`);
      const body = (await r.json()) as {
        manifesto: { revision: number };
        document: { goals: { title: string }[] };
      };
      current.set(id, { revision: body.manifesto.revision, document: body.document });
    }
    for (let seq = 1; !stopping; seq++) {
      const id = ids[seq % ids.length] as number;
      const m = current.get(id);
      if (!m) return new Error(`no manifesto ${id}`);
      const document = structuredClone(m.document);
      const first = document.goals[0];
      if (first) first.title = titleOf(seq);
      const save: Save = { seq, manifestoId: id, revision: m.revision + 1, title: titleOf(seq) };
      inFlight = save;
      let response: Response;
      try {
        response = await fetch(`${url}/api/manifestos/${id}`, {
          method: "PUT",
          headers: { ...session.headers, "content-type": "application/json" },
          body: JSON.stringify({ revision: m.revision, document }),
        });
      } catch (e) {
        return e as Error;
      }
      const text = await response.text().catch((e: Error) => e);
      if (text instanceof Error) return text;
      if (response.status !== 200) {
        return new Error(`save ${seq} answered ${response.status}: ${text}`);
      }
      const saved = JSON.parse(text) as { revision: number };
      if (saved.revision !== save.revision) {
        return new Error(`save ${seq} made revision ${saved.revision}, not ${save.revision}`);
      }
      acknowledged.push(save);
      inFlight = undefined;
      current.set(id, { revision: saved.revision, document });
      notify();
    }
    return undefined;
  };
  const ended = run().then(
    (why) => why,
    (e: Error) => e,
  );
  void ended.then((why) => {
    finished = { why };
    notify();
  });
  return {
    acknowledged,
    unanswered: () => inFlight,
    acknowledgedAtLeast: (count) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ count, resolve, reject });
        notify();
      }),
    async stop() {
      stopping = true;
      await ended;
    },
    ended,
  };
}

/**
 * What is not whole about a manifesto in `ctx`'s database: revisions 1…current without a gap
 * but where an autosave replaced its working revision,
 * the read model (goals) matching the current revision's document, one audit event per save
 * and the export equal to the current revision's document. Empty when all is well.
 */
export async function problemsOf(ctx: ServiceContext, m: EditedManifesto): Promise<string[]> {
  const problems: string[] = [];
  const row = await ctx.db
    .selectFrom("manifestos")
    .select("current_revision")
    .where("id", "=", m.id)
    .executeTakeFirstOrThrow();
  const revisions = await ctx.db
    .selectFrom("manifesto_revisions")
    .select(["revision", "document", "source", "saves"])
    .where("manifesto_id", "=", m.id)
    .orderBy("revision")
    .execute();
  const numbers = revisions.map((r) => r.revision);
  // A gap is a working revision an autosave replaced: the revision after it coalesced saves.
  const gapsExplained = revisions.every(
    (r, i) => r.revision === (revisions[i - 1]?.revision ?? 0) + 1 || r.saves > 1,
  );
  if (numbers[0] !== 1 || numbers.at(-1) !== row.current_revision || !gapsExplained) {
    problems.push(`revisions ${numbers.join(",")} for current ${row.current_revision}`);
  }
  const current = revisions.find((r) => r.revision === row.current_revision)?.document as
    | { goals: { title: string }[] }
    | undefined;
  const goals = await ctx.db
    .selectFrom("goals")
    .select("title")
    .where("manifesto_id", "=", m.id)
    .orderBy("position")
    .execute();
  const titles = goals.map((g) => g.title);
  if (
    !isDeepStrictEqual(
      titles,
      current?.goals.map((g) => g.title),
    )
  ) {
    problems.push(`read model goals ${titles[0]}… differ from revision ${row.current_revision}`);
  }
  const saves = revisions.filter((r) => r.source === "api").reduce((n, r) => n + r.saves, 0);
  const events = await ctx.db
    .selectFrom("audit_events")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("manifesto_id", "=", m.id)
    .where("action", "=", "manifesto.saved")
    .executeTakeFirstOrThrow();
  if (Number(events.n) !== saves) problems.push(`${events.n} save events for ${saves} saves`);
  const exported = await exportManifesto(ctx, m.selector);
  if (!isDeepStrictEqual(exported, expectedExport(m, current?.goals[0]?.title))) {
    problems.push(`export differs from revision ${row.current_revision}`);
  }
  return problems;
}
