// A department's reorganisation links (migration 0010) as citizens may follow them: only to
// departments that have something published, named as their newest publication names them.
import type { Db } from "./municipalities.ts";

export interface PublicDepartmentLink {
  relation: "predecessor" | "successor";
  fromYear: number;
  departmentCode: string | null;
  departmentName: string;
}

async function linked(
  db: Db,
  departmentId: number,
  relation: PublicDepartmentLink["relation"],
): Promise<PublicDepartmentLink[]> {
  // predecessor: links of this department, to the predecessor; successor: the other way.
  const [self, other] =
    relation === "predecessor"
      ? (["l.department_id", "l.predecessor_id"] as const)
      : (["l.predecessor_id", "l.department_id"] as const);
  const rows = await db
    .selectFrom("department_predecessors as l")
    .innerJoin("departments as d", "d.id", other)
    .select(["l.from_year", "d.code"])
    // The name of the department's newest published manifesto: what its public page shows.
    .select((eb) =>
      eb
        .selectFrom("manifestos as n")
        .innerJoin("manifesto_publications as np", "np.manifesto_id", "n.id")
        .select("n.department_name")
        .whereRef("n.department_id", "=", "d.id")
        .orderBy("n.fiscal_year", "desc")
        .limit(1)
        .as("name"),
    )
    .where(self, "=", departmentId)
    .orderBy("l.from_year")
    .orderBy("d.position")
    .execute();
  return rows.flatMap((r) =>
    r.name === null
      ? [] // nothing of it is published: no public page to link to
      : [
          {
            relation,
            fromYear: r.from_year,
            departmentCode: r.code,
            departmentName: r.name,
          },
        ],
  );
}

export async function listPublicDepartmentLinks(
  db: Db,
  departmentId: number,
): Promise<PublicDepartmentLink[]> {
  return [
    ...(await linked(db, departmentId, "predecessor")),
    ...(await linked(db, departmentId, "successor")),
  ];
}
