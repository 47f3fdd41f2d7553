// A municipality's departments: list, add (one, or many from a pasted list or CSV), change
// code, head and contact, rename from a fiscal year, reorder, retire, and reorganise (機構改革:
// new departments from a year on, continuing the ones they replace). Each use case checks
// everything first and writes in one transaction with its audit event.

import { recordAuditEvent } from "../../db/repositories/audit-events.ts";
import {
  addPredecessors,
  type DepartmentRecord,
  departmentHasManifestos,
  insertDepartment,
  listDepartmentRecords,
  nextDepartmentPosition,
  renameDepartmentFrom,
  setDepartmentCode,
  setDepartmentPositions,
  setDepartmentRetired,
  updateDepartmentFields,
} from "../../db/repositories/department-master.ts";
import {
  type CandidateDepartment,
  DEPARTMENT_FIELD_LABELS,
  type DepartmentFields,
  departmentConflicts,
  departmentFieldProblems,
  parseDepartmentTable,
} from "../../domain/master-data/departments.ts";
import { AppError, NotFoundError } from "../../errors.ts";
import type { StaffContext } from "../auth/staff-context.ts";
import { municipalityForMasterData, refuse } from "./access.ts";

const FIRST_YEAR = 1989;
const LAST_YEAR = 2100;

function checkYear(year: number, label = "適用年度"): void {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) {
    refuse("年度が正しくありません", [
      { path: label, message: `${FIRST_YEAR}〜${LAST_YEAR} の年度を入力してください` },
    ]);
  }
}

export async function listDepartments(
  ctx: StaffContext,
  code: string,
): Promise<DepartmentRecord[]> {
  await municipalityForMasterData(ctx, code, "read");
  return listDepartmentRecords(ctx.db, code);
}

function existingForConflicts(all: readonly DepartmentRecord[]) {
  return all.map((d) => ({ id: d.id, name: d.name, code: d.code }));
}

function requireDepartment(all: readonly DepartmentRecord[], id: number): DepartmentRecord {
  const d = all.find((x) => x.id === id);
  if (!d) throw new NotFoundError("この部局は見つかりません");
  return d;
}

export interface NewDepartment extends Partial<DepartmentFields> {
  name: string;
}

/** Adds departments at the end of the order (or at the order a table gives). */
export async function addDepartments(
  ctx: StaffContext,
  code: string,
  input: { departments?: NewDepartment[]; table?: string; fromYear?: number },
): Promise<DepartmentRecord[]> {
  await municipalityForMasterData(ctx, code, "manage");
  const fromYear = input.fromYear ?? FIRST_YEAR;
  checkYear(fromYear);
  let rows: (DepartmentFields & { order: number | null; at: (l: string) => string })[];
  if (input.table !== undefined) {
    const parsed = parseDepartmentTable(input.table);
    if (!parsed.ok) refuse("部局の一覧に問題があります", parsed.problems);
    rows = parsed.rows.map((r) => ({ ...r, at: (l: string) => `${r.line}行目 ${l}` }));
  } else {
    const list = input.departments ?? [];
    const problems = list.flatMap((d, i) =>
      departmentFieldProblems(d, (l) => (list.length > 1 ? `${i + 1}件目 ${l}` : l)),
    );
    if (problems.length > 0) refuse("部局を登録できません", problems);
    rows = list.map((d, i) => ({
      name: d.name,
      code: d.code ? d.code : null,
      headTitle: d.headTitle ?? null,
      headName: d.headName ?? null,
      contactPhone: d.contactPhone ?? null,
      contactEmail: d.contactEmail ?? null,
      order: null,
      at: (l: string) => (list.length > 1 ? `${i + 1}件目 ${l}` : l),
    }));
  }
  if (rows.length === 0)
    refuse("部局を登録できません", [{ path: "部局名", message: "部局を入力してください" }]);
  return ctx.db.transaction().execute(async (tx) => {
    const existing = await listDepartmentRecords(tx, code);
    const candidates: CandidateDepartment[] = rows.map((r) => ({
      id: null,
      name: r.name,
      code: r.code,
      at: r.at,
    }));
    const conflicts = departmentConflicts(candidates, existingForConflicts(existing));
    if (conflicts.length > 0) refuse("部局を登録できません", conflicts);
    let next = await nextDepartmentPosition(tx, code);
    const sorted = [...rows].sort(
      (a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER),
    );
    const ids: number[] = [];
    for (const r of sorted) {
      ids.push(await insertDepartment(tx, code, { ...r, position: next, fromYear }));
      next += 1;
    }
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "department.created",
      municipalityCode: code,
      detail: { departments: sorted.map((r) => r.name), ids },
    });
    return listDepartmentRecords(tx, code);
  });
}

export interface DepartmentChange extends Partial<DepartmentFields> {
  /** A new name from `fromYear` on (earlier years keep theirs). */
  rename?: { name: string; fromYear: number };
}

export async function changeDepartment(
  ctx: StaffContext,
  code: string,
  id: number,
  change: DepartmentChange,
): Promise<DepartmentRecord> {
  await municipalityForMasterData(ctx, code, "manage");
  const { rename, name: _ignored, ...fields } = change;
  const problems = departmentFieldProblems({ ...fields, name: rename?.name ?? "-" }, (l) => l);
  if (rename) checkYear(rename.fromYear);
  if (problems.length > 0) refuse("部局を変更できません", problems);
  return ctx.db.transaction().execute(async (tx) => {
    const all = await listDepartmentRecords(tx, code);
    const d = requireDepartment(all, id);
    const newCode = fields.code === undefined ? d.code : fields.code === "" ? null : fields.code;
    // Only the current name and code are addresses; an earlier name of the same department is
    // its own and may come back.
    const conflicts = departmentConflicts(
      [{ id, name: rename?.name ?? d.name, code: newCode, at: (l) => l }],
      existingForConflicts(all),
    );
    if (conflicts.length > 0) refuse("部局を変更できません", conflicts);
    if (newCode !== d.code) await setDepartmentCode(tx, code, id, newCode);
    await updateDepartmentFields(tx, id, fields);
    if (rename) await renameDepartmentFrom(tx, code, id, rename.fromYear, rename.name);
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "department.updated",
      municipalityCode: code,
      detail: { departmentId: id, changed: Object.keys(change), ...(rename && { rename }) },
    });
    return requireDepartment(await listDepartmentRecords(tx, code), id);
  });
}

/** The order of the portal, the overview, the dashboard and the booklet. */
export async function reorderDepartments(
  ctx: StaffContext,
  code: string,
  ids: readonly number[],
): Promise<DepartmentRecord[]> {
  await municipalityForMasterData(ctx, code, "manage");
  return ctx.db.transaction().execute(async (tx) => {
    const all = await listDepartmentRecords(tx, code);
    const known = new Set(all.map((d) => d.id));
    const given = new Set(ids);
    if (given.size !== ids.length || ids.some((i) => !known.has(i)) || given.size !== known.size) {
      refuse("部局の順番を保存できません", [
        { path: "表示順", message: "この自治体のすべての部局を1回ずつ並べてください" },
      ]);
    }
    await setDepartmentPositions(tx, code, ids);
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "department.reordered",
      municipalityCode: code,
      detail: { ids },
    });
    return listDepartmentRecords(tx, code);
  });
}

/** 廃止: no manifestos from `fromYear` on; past years stay as they were. null brings it back. */
export async function retireDepartment(
  ctx: StaffContext,
  code: string,
  id: number,
  fromYear: number | null,
): Promise<DepartmentRecord> {
  await municipalityForMasterData(ctx, code, "manage");
  if (fromYear !== null) checkYear(fromYear, "廃止する年度");
  return ctx.db.transaction().execute(async (tx) => {
    requireDepartment(await listDepartmentRecords(tx, code), id);
    await setDepartmentRetired(tx, code, id, fromYear);
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: fromYear === null ? "department.restored" : "department.retired",
      municipalityCode: code,
      detail: { departmentId: id, fromYear },
    });
    return requireDepartment(await listDepartmentRecords(tx, code), id);
  });
}

/**
 * 機構改革 from a fiscal year: the predecessors are retired from that year, and the successors
 * — new departments, or existing ones — continue them. One successor of several predecessors
 * is a merger; several successors of one predecessor a split.
 */
export async function reorganiseDepartments(
  ctx: StaffContext,
  code: string,
  input: {
    fromYear: number;
    predecessorIds: number[];
    successors: ({ id: number } | NewDepartment)[];
  },
): Promise<DepartmentRecord[]> {
  await municipalityForMasterData(ctx, code, "manage");
  checkYear(input.fromYear);
  if (input.predecessorIds.length === 0 || input.successors.length === 0) {
    refuse("機構改革を登録できません", [
      {
        path: input.predecessorIds.length === 0 ? "旧部局" : "新部局",
        message: "1つ以上選んでください",
      },
    ]);
  }
  const newOnes = input.successors.filter((s): s is NewDepartment => !("id" in s));
  const fieldProblems = newOnes.flatMap((d, i) =>
    departmentFieldProblems(d, (l) => `新部局${i + 1} ${l}`),
  );
  if (fieldProblems.length > 0) refuse("機構改革を登録できません", fieldProblems);
  return ctx.db.transaction().execute(async (tx) => {
    const all = await listDepartmentRecords(tx, code);
    for (const p of input.predecessorIds) requireDepartment(all, p);
    const keptIds = input.successors.flatMap((s) => ("id" in s ? [s.id] : []));
    for (const s of keptIds) requireDepartment(all, s);
    if (keptIds.some((s) => input.predecessorIds.includes(s))) {
      refuse("機構改革を登録できません", [
        { path: "新部局", message: "旧部局と同じ部局は新部局にできません" },
      ]);
    }
    const conflicts = departmentConflicts(
      newOnes.map((d, i) => ({
        id: null,
        name: d.name,
        code: d.code ?? null,
        at: (l: string) => `新部局${i + 1} ${l}`,
      })),
      existingForConflicts(all),
    );
    if (conflicts.length > 0) refuse("機構改革を登録できません", conflicts);
    let next = await nextDepartmentPosition(tx, code);
    const successorIds = [...keptIds];
    for (const d of newOnes) {
      successorIds.push(
        await insertDepartment(tx, code, {
          name: d.name,
          code: d.code ? d.code : null,
          headTitle: d.headTitle ?? null,
          headName: d.headName ?? null,
          contactPhone: d.contactPhone ?? null,
          contactEmail: d.contactEmail ?? null,
          position: next,
          fromYear: input.fromYear,
        }),
      );
      next += 1;
    }
    for (const s of successorIds)
      await addPredecessors(tx, s, input.predecessorIds, input.fromYear);
    for (const p of input.predecessorIds) await setDepartmentRetired(tx, code, p, input.fromYear);
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "department.reorganised",
      municipalityCode: code,
      detail: {
        fromYear: input.fromYear,
        predecessors: input.predecessorIds,
        successors: successorIds,
      },
    });
    return listDepartmentRecords(tx, code);
  });
}

/** A department added by mistake and never used can be removed; one with manifestos is retired. */
export async function removeDepartment(ctx: StaffContext, code: string, id: number): Promise<void> {
  await municipalityForMasterData(ctx, code, "manage");
  await ctx.db.transaction().execute(async (tx) => {
    const d = requireDepartment(await listDepartmentRecords(tx, code), id);
    if (await departmentHasManifestos(tx, id)) {
      throw new AppError(
        "conflict",
        `部局「${d.name}」にはマニフェストがあるため削除できません。廃止してください`,
      );
    }
    const users = await tx
      .selectFrom("users")
      .select("id")
      .where("department_id", "=", id)
      .limit(1)
      .execute();
    if (users.length > 0) {
      throw new AppError(
        "conflict",
        `部局「${d.name}」に所属するアカウントがあるため削除できません`,
      );
    }
    await tx.deleteFrom("departments").where("id", "=", id).execute();
    await recordAuditEvent(tx, {
      actor: ctx.actor,
      action: "department.removed",
      municipalityCode: code,
      detail: { departmentId: id, name: d.name },
    });
  });
}

export { DEPARTMENT_FIELD_LABELS };
