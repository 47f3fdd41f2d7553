// What citizens may read: each manifesto's newest published revision (manifesto_publications),
// whatever is being drafted after it — the plan stays public while its evaluation is
// written. Every query here carries that scope itself (publicManifestos), so no caller can
// forget it. Names come from the published document, never from a later draft.
import { sql } from "kysely";
import type { ManifestoState } from "../../domain/workflow.ts";
import type { Db } from "./municipalities.ts";

/** The published states (domain/workflow.ts PUBLISHED_STATES; a test keeps the two equal). */
export const PUBLIC_STATES: readonly ManifestoState[] = ["published", "results_published"];

export interface DepartmentRef {
  /** The department's own code, or its name's comparison key. */
  code: string;
  nameKey: string;
}

export interface PublicManifesto {
  id: number;
  municipalityCode: string;
  fiscalYear: number;
  departmentId: number;
  departmentName: string;
  departmentCode: string | null;
  state: string;
  revision: number;
  updatedAt: Date;
  document: unknown;
}

/** Manifestos joined to their newest publication, its document and the department. */
function publicManifestos(db: Db) {
  return db
    .selectFrom("manifestos as m")
    .innerJoin("departments as d", "d.id", "m.department_id")
    .innerJoin(
      (eb) =>
        eb
          .selectFrom("manifesto_publications as pp")
          .distinctOn("pp.manifesto_id")
          .select(["pp.manifesto_id", "pp.revision", "pp.state", "pp.published_at"])
          .orderBy("pp.manifesto_id")
          .orderBy("pp.id", "desc")
          .as("p"),
      (j) => j.onRef("p.manifesto_id", "=", "m.id"),
    )
    .innerJoin("manifesto_revisions as r", (j) =>
      j.onRef("r.manifesto_id", "=", "m.id").onRef("r.revision", "=", "p.revision"),
    );
}

/** The department's name as the published document gives it. */
const publishedDepartmentName = sql<string>`r.document -> 'department' ->> 'name'`;

export async function listPublicMunicipalities(db: Db) {
  return publicManifestos(db)
    .innerJoin("municipalities as mu", "mu.code", "m.municipality_code")
    .select(["mu.code", "mu.name", "mu.prefecture"])
    .distinct()
    .orderBy("mu.code")
    .execute();
}

/** The municipality, when it has at least one published manifesto. */
export async function findPublicMunicipality(db: Db, code: string) {
  return publicManifestos(db)
    .innerJoin("municipalities as mu", "mu.code", "m.municipality_code")
    .select(["mu.code", "mu.name", "mu.prefecture"])
    .where("m.municipality_code", "=", code)
    .limit(1)
    .executeTakeFirst();
}

export async function listPublicYears(db: Db, municipalityCode: string): Promise<number[]> {
  const rows = await publicManifestos(db)
    .select("m.fiscal_year")
    .distinct()
    .where("m.municipality_code", "=", municipalityCode)
    .orderBy("m.fiscal_year", "desc")
    .execute();
  return rows.map((r) => r.fiscal_year);
}

/**
 * Departments with a published manifesto, by their latest published name, in the
 * municipality's order (departments.position), then by name.
 */
export async function listPublicDepartments(db: Db, municipalityCode: string) {
  const rows = await publicManifestos(db)
    .select([
      "d.id",
      "d.code",
      "d.position",
      publishedDepartmentName.as("department_name"),
      "m.fiscal_year",
    ])
    .where("m.municipality_code", "=", municipalityCode)
    .orderBy("m.fiscal_year", "desc")
    .execute();
  const latest = new Map<
    number,
    { id: number; code: string | null; name: string; position: number | null }
  >();
  for (const r of rows) {
    if (!latest.has(r.id)) {
      latest.set(r.id, { id: r.id, code: r.code, name: r.department_name, position: r.position });
    }
  }
  const last = Number.MAX_SAFE_INTEGER;
  return [...latest.values()]
    .sort(
      (a, b) => (a.position ?? last) - (b.position ?? last) || a.name.localeCompare(b.name, "ja"),
    )
    .map(({ position: _, ...d }) => d);
}

export interface PublicManifestoQuery {
  municipalityCode: string;
  fiscalYear?: number;
  department?: DepartmentRef;
}

export async function listPublicManifestos(
  db: Db,
  q: PublicManifestoQuery,
): Promise<PublicManifesto[]> {
  let query = publicManifestos(db)
    .select([
      "m.id",
      "m.municipality_code",
      "m.fiscal_year",
      "m.department_id",
      publishedDepartmentName.as("department_name"),
      "d.code as department_code",
      "p.state",
      "p.revision",
      "p.published_at",
      "r.document",
    ])
    .where("m.municipality_code", "=", q.municipalityCode);
  if (q.fiscalYear !== undefined) query = query.where("m.fiscal_year", "=", q.fiscalYear);
  if (q.department) {
    const { code, nameKey } = q.department;
    // A department's code names it in every year; so does any name it was published under.
    query = query.where((eb) =>
      eb.or([
        eb("d.code", "=", code),
        eb(
          "m.department_id",
          "in",
          eb
            .selectFrom("manifestos as n")
            .select("n.department_id")
            .where("n.municipality_code", "=", q.municipalityCode)
            .where("n.department_name_key", "=", nameKey)
            .where((w) =>
              w.exists(
                w
                  .selectFrom("manifesto_publications as np")
                  .select("np.id")
                  .whereRef("np.manifesto_id", "=", "n.id"),
              ),
            ),
        ),
      ]),
    );
  }
  const rows = await query
    .orderBy("m.fiscal_year", "desc")
    .orderBy(sql`d.position nulls last`)
    .orderBy(publishedDepartmentName)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    municipalityCode: r.municipality_code,
    fiscalYear: r.fiscal_year,
    departmentId: r.department_id,
    departmentName: r.department_name,
    departmentCode: r.department_code,
    state: r.state,
    revision: r.revision,
    updatedAt: r.published_at,
    document: r.document,
  }));
}

/** Indicator ids of one published manifesto's numeric targets, by goal and position. */
export async function listPublicTargetIndicators(db: Db, manifestoId: number) {
  return publicManifestos(db)
    .innerJoin("public_targets as t", (j) =>
      j.onRef("t.manifesto_id", "=", "m.id").onRef("t.revision", "=", "p.revision"),
    )
    .select(["t.goal_number", "t.position", "t.indicator_id"])
    .where("m.id", "=", manifestoId)
    .where("t.indicator_id", "is not", null)
    .execute();
}

export interface PublicPublication {
  revision: number;
  state: string;
  changeNote: string | null;
  publishedAt: Date;
  document: unknown;
}

/**
 * Every publication of a manifesto, oldest first, with the document it published: the
 * corrections' history. Only published revisions: a draft has no publication row.
 */
export async function listPublicPublications(
  db: Db,
  manifestoId: number,
): Promise<PublicPublication[]> {
  const rows = await db
    .selectFrom("manifesto_publications as p")
    .innerJoin("manifesto_revisions as r", (j) =>
      j.onRef("r.manifesto_id", "=", "p.manifesto_id").onRef("r.revision", "=", "p.revision"),
    )
    .select(["p.revision", "p.state", "p.change_note", "p.published_at", "r.document"])
    .where("p.manifesto_id", "=", manifestoId)
    .orderBy("p.id")
    .execute();
  return rows.map((r) => ({
    revision: r.revision,
    state: r.state,
    changeNote: r.change_note,
    publishedAt: r.published_at,
    document: r.document,
  }));
}
