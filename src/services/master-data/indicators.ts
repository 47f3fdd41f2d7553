// The indicator registry: definitions, units, better direction and owning department; a rename
// keeps the old name as an alias, a merge moves every target of one indicator to another, so
// the series stays continuous either way.

import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import { listDepartmentRecords } from "../../db/repositories/department-master.ts";
import {
  findIndicatorByKey,
  findRegistryIndicator,
  listRegistry,
  mergeIndicatorInto,
  type RegistryIndicator,
  updateRegistryIndicator,
} from "../../db/repositories/indicator-registry.ts";
import { indicatorKey } from "../../domain/manifesto/projection.ts";
import type { Problem } from "../../domain/manifesto/validate.ts";
import { NotFoundError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { municipalityForMasterData, refuse } from "./access.ts";

export async function listIndicatorRegistry(
  ctx: StaffContext,
  code: string,
): Promise<RegistryIndicator[]> {
  await municipalityForMasterData(ctx, code, "read");
  return listRegistry(ctx.db, code);
}

export interface IndicatorChange {
  name?: string;
  unit?: string;
  definition?: string | null;
  betterDirection?: "higher" | "lower" | null;
  departmentId?: number | null;
}

export async function changeIndicator(
  ctx: StaffContext,
  code: string,
  id: number,
  change: IndicatorChange,
): Promise<RegistryIndicator> {
  await municipalityForMasterData(ctx, code, "manage");
  const problems: Problem[] = [];
  if (change.name !== undefined && change.name.trim() === "") {
    problems.push({ path: "指標名", message: "指標名を入力してください" });
  }
  for (const [key, label, max] of [
    ["name", "指標名", 200],
    ["unit", "単位", 200],
    ["definition", "定義", 2000],
  ] as const) {
    const v = change[key];
    if (typeof v === "string" && [...v].length > max) {
      problems.push({ path: label, message: `${max}文字以内で入力してください` });
    }
  }
  if (problems.length > 0) refuse("指標を変更できません", problems);
  return ctx.db.transaction().execute(async (tx) => {
    const current = await findRegistryIndicator(tx, code, id);
    if (!current) throw new NotFoundError("この指標は見つかりません");
    if (change.departmentId !== undefined && change.departmentId !== null) {
      const departments = await listDepartmentRecords(tx, code);
      if (!departments.some((d) => d.id === change.departmentId)) {
        refuse("指標を変更できません", [
          { path: "所管部局", message: "この自治体の部局を選んでください" },
        ]);
      }
    }
    let key: string | undefined;
    if (change.name !== undefined && indicatorKey(change.name) !== current.key) {
      key = indicatorKey(change.name);
      const other = await findIndicatorByKey(tx, code, key);
      if (other && other.id !== id) {
        refuse("指標を変更できません", [
          {
            path: "指標名",
            message: `「${other.name}」という指標がすでにあります。統合してください`,
          },
        ]);
      }
    }
    await updateRegistryIndicator(tx, code, id, {
      ...change,
      ...(key !== undefined && { key, oldKey: current.key }),
    });
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "indicator.updated",
      municipalityCode: code,
      detail: {
        indicatorId: id,
        changed: Object.keys(change),
        ...(key && { from: current.name, to: change.name }),
      },
    });
    const after = (await listRegistry(tx, code)).find((i) => i.id === id);
    if (!after) throw new Error("indicator vanished inside its own transaction");
    return after;
  });
}

export async function mergeIndicators(
  ctx: StaffContext,
  code: string,
  fromId: number,
  intoId: number,
): Promise<RegistryIndicator> {
  await municipalityForMasterData(ctx, code, "manage");
  if (fromId === intoId) {
    refuse("指標を統合できません", [{ path: "統合先", message: "別の指標を選んでください" }]);
  }
  return ctx.db.transaction().execute(async (tx) => {
    const from = await findRegistryIndicator(tx, code, fromId);
    const into = await findRegistryIndicator(tx, code, intoId);
    if (!from || !into) throw new NotFoundError("この指標は見つかりません");
    await mergeIndicatorInto(tx, code, fromId, intoId);
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "indicator.merged",
      municipalityCode: code,
      detail: { from: { id: fromId, name: from.name }, into: { id: intoId, name: into.name } },
    });
    const after = (await listRegistry(tx, code)).find((i) => i.id === intoId);
    if (!after) throw new Error("indicator vanished inside its own transaction");
    return after;
  });
}
