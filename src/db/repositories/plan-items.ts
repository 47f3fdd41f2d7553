import type { Db } from "./municipalities.ts";
import { notifyPublicChange } from "./public-changes.ts";

export interface PlanItemRow {
  key: string;
  code: string;
  title: string;
  parentCode: string | null;
}

export async function replacePlanItems(
  db: Db,
  municipalityCode: string,
  items: readonly PlanItemRow[],
): Promise<void> {
  await db.deleteFrom("plan_items").where("municipality_code", "=", municipalityCode).execute();
  // Public pages name the policies a goal refers to by these titles.
  await notifyPublicChange(db, municipalityCode);
  if (items.length === 0) return;
  await db
    .insertInto("plan_items")
    .values(
      items.map((item, position) => ({
        municipality_code: municipalityCode,
        key: item.key,
        code: item.code,
        title: item.title,
        parent_code: item.parentCode,
        position,
      })),
    )
    .execute();
}

export async function listPlanItems(db: Db, municipalityCode: string): Promise<PlanItemRow[]> {
  const rows = await db
    .selectFrom("plan_items")
    .select(["key", "code", "title", "parent_code"])
    .where("municipality_code", "=", municipalityCode)
    .orderBy("position")
    .execute();
  return rows.map((r) => ({ key: r.key, code: r.code, title: r.title, parentCode: r.parent_code }));
}
